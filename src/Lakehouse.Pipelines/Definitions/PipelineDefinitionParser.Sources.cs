using Lakehouse.Parquet.Data;
using YamlDotNet.RepresentationModel;

namespace Lakehouse.Pipelines.Definitions;

public static partial class PipelineDefinitionParser
{
    private static readonly string[] SourceKeys =
    [
        "name", "path", "format", "csv", "schemaHints", "schemaEvolution", "table", "partitionBy", "metadataColumns",
        "maxFileSizeMb", "rescuedDataColumn", "inferColumnTypes", "inferDecimals",
    ];

    private static readonly string[] CsvKeys = ["header", "delimiter", "quote", "escape", "nullValue", "encoding"];
    private static readonly string[] MetadataKeys = ["sourceFile", "ingestedAt"];

    private static readonly Dictionary<string, SourceFormat> Formats = new(StringComparer.Ordinal)
    {
        ["csv"] = SourceFormat.Csv,
        ["json"] = SourceFormat.Json,
        ["parquet"] = SourceFormat.Parquet,
    };

    private static readonly Dictionary<string, SchemaEvolutionMode> EvolutionModes = new(StringComparer.Ordinal)
    {
        ["addNewColumns"] = SchemaEvolutionMode.AddNewColumns,
        ["rescue"] = SchemaEvolutionMode.Rescue,
        ["failOnNewColumns"] = SchemaEvolutionMode.FailOnNewColumns,
        ["none"] = SchemaEvolutionMode.None,
    };

    private static SourceDefinition ParseSource(YamlNode node, string file)
    {
        var peeked = YamlMap.PeekName(node);
        var map = new YamlMap(node, file, peeked is null ? "a source" : $"source '{peeked}'", SourceKeys);
        var name = Identifier(map, "name", map.RequiredString("name"));
        var path = map.RequiredString("path");
        if (map.Node("format") is null)
        {
            throw new PipelineDefinitionException(map.Position, $"source '{name}' is missing 'format'. Allowed: csv, json, parquet.");
        }

        var format = map.OptionalEnum("format", SourceFormat.Csv, Formats);
        var csv = CsvOptions.Default;
        if (map.Node("csv") is { } csvNode)
        {
            if (format != SourceFormat.Csv)
            {
                throw new PipelineDefinitionException(map.PositionOf("csv"), $"source '{name}' has format {format.ToString().ToLowerInvariant()}; 'csv' options apply only to format csv. Remove them.");
            }

            csv = ParseCsv(new YamlMap(csvNode, file, $"the csv options of source '{name}'", CsvKeys));
        }

        var hints = ParseHints(map, name);
        var evolution = map.OptionalEnum("schemaEvolution", SchemaEvolutionMode.AddNewColumns, EvolutionModes);
        var table = map.OptionalString("table") is { } t ? Identifier(map, "table", t) : name;
        var partitionBy = Identifiers(map, "partitionBy");
        var metadata = ParseMetadata(map, file, name);
        var maxSize = map.OptionalLong("maxFileSizeMb", 1, 1024L * 1024);
        var rescued = map.OptionalString("rescuedDataColumn") is { } r ? Identifier(map, "rescuedDataColumn", r) : SourceDefinition.DefaultRescuedDataColumn;
        return new SourceDefinition(
            name, path, format, csv, hints, evolution, table, partitionBy, metadata, maxSize, rescued,
            map.OptionalBool("inferColumnTypes") ?? true, map.OptionalBool("inferDecimals") ?? true, map.Position);
    }

    private static CsvOptions ParseCsv(YamlMap map)
    {
        var encoding = map.OptionalString("encoding") ?? "utf-8";
        if (!encoding.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            throw new PipelineDefinitionException(map.PositionOf("encoding"), $"encoding '{encoding}' is not supported; CSV sources are read as utf-8 (a BOM is tolerated). Convert the files to UTF-8.");
        }

        var delimiter = SingleChar(map, "delimiter", ',');
        var quote = SingleChar(map, "quote", '"');
        var escape = SingleChar(map, "escape", quote);
        if (delimiter == quote || delimiter is '\r' or '\n' || quote is '\r' or '\n')
        {
            throw new PipelineDefinitionException(map.Position, $"{map.What}: the delimiter and the quote must differ and be neither CR nor LF.");
        }

        return new CsvOptions(map.OptionalBool("header") ?? true, delimiter, quote, escape, map.OptionalString("nullValue") ?? string.Empty, "utf-8");
    }

    private static char SingleChar(YamlMap map, string key, char defaultValue)
    {
        var text = map.OptionalString(key);
        if (text is null)
        {
            return defaultValue;
        }

        if (text == "\\t")
        {
            return '\t';
        }

        if (text.Length != 1 || text[0] > 127)
        {
            throw new PipelineDefinitionException(map.PositionOf(key), $"'{key}' in {map.What} must be one ASCII character (or \\t), found '{text}'.");
        }

        return text[0];
    }

    private static List<SchemaHint> ParseHints(YamlMap map, string source)
    {
        var hints = new List<SchemaHint>();
        if (map.Node("schemaHints") is not { } node)
        {
            return hints;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw new PipelineDefinitionException(map.PositionOf("schemaHints"), $"'schemaHints' of source '{source}' must map column names to types, e.g. 'amount: decimal(10,2)'.");
        }

        var seen = new Dictionary<string, SchemaHint>(StringComparer.OrdinalIgnoreCase);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var column = map.Scalar("schemaHints", keyNode);
            var position = YamlPositions.Of(keyNode, map.File);
            if (SchemaHintPath.TryParse(column, out var pathError, out var pathOffset) is not { } path)
            {
                throw new PipelineDefinitionException(
                    position with { Column = position.Column + pathOffset },
                    $"invalid column '{column}' in schemaHints of source '{source}': {pathError}. Name a column (amount), a field inside a struct (address.zip), or quote a name with dots in backticks (`order.id`).");
            }

            var key = SchemaHintPath.Format(path);
            if (seen.TryGetValue(key, out var twice))
            {
                throw new PipelineDefinitionException(
                    position, $"schemaHints of source '{source}' name column '{column}' twice (names ignore case; the first is on line {twice.Position.Line}). Keep one.");
            }

            var typeText = map.Scalar("schemaHints", valueNode);
            if (!DataTypeParser.TryParse(typeText, out var type, out var error, out var offset))
            {
                var at = YamlPositions.ValueStart(valueNode, map.File);
                throw new PipelineDefinitionException(
                    at with { Column = at.Column + offset },
                    $"invalid type '{typeText}' for column '{column}' in schemaHints of source '{source}': {error}. Allowed: {DataTypeParser.AllowedTypes}.");
            }

            var hint = new SchemaHint(column, type, position) { Path = path };
            foreach (var other in seen.Values)
            {
                if (IsPrefix(other.Path, path) || IsPrefix(path, other.Path))
                {
                    var (outer, inner) = other.Path.Count < path.Count ? (other, hint) : (hint, other);
                    throw new PipelineDefinitionException(
                        position,
                        $"schemaHints of source '{source}' hint both '{outer.Column}' (line {outer.Position.Line}) and its field '{inner.Column}' (line {inner.Position.Line}). Hint the whole struct type or its fields, not both.");
                }
            }

            seen[key] = hint;
            hints.Add(hint);
        }

        return hints;
    }

    private static bool IsPrefix(IReadOnlyList<string> prefix, IReadOnlyList<string> path) =>
        prefix.Count < path.Count && prefix.Select((n, i) => string.Equals(n, path[i], StringComparison.OrdinalIgnoreCase)).All(x => x);

    private static MetadataColumns ParseMetadata(YamlMap map, string file, string source)
    {
        if (map.Node("metadataColumns") is not { } node)
        {
            return map.Has("metadataColumns") ? MetadataColumns.Disabled : MetadataColumns.Default;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar.Value?.ToLowerInvariant() switch
            {
                "false" => MetadataColumns.Disabled,
                "true" => MetadataColumns.Default,
                _ => throw new PipelineDefinitionException(map.PositionOf("metadataColumns"), $"'metadataColumns' of source '{source}' must be true, false, or a mapping with sourceFile and ingestedAt."),
            };
        }

        var meta = new YamlMap(node, file, $"the metadataColumns of source '{source}'", MetadataKeys);
        return new MetadataColumns(MetadataName(meta, "sourceFile", MetadataColumns.DefaultSourceFile), MetadataName(meta, "ingestedAt", MetadataColumns.DefaultIngestedAt));
    }

    private static string? MetadataName(YamlMap meta, string key, string defaultName)
    {
        if (meta.Node(key) is not { } node)
        {
            return defaultName;
        }

        var text = meta.Scalar(key, node);
        return text.Equals("false", StringComparison.OrdinalIgnoreCase) ? null : Identifier(meta, key, text);
    }
}
