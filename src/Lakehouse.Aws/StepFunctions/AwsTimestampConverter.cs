using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lakehouse.Aws.StepFunctions;

/// <summary>JSON 1.0 timestamps: epoch seconds with fractions (AWS), or ISO-8601 strings (some emulators).</summary>
internal sealed class AwsTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond)),
        JsonTokenType.String => DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new JsonException($"Expected a timestamp (number or string), found {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((value - DateTimeOffset.UnixEpoch).TotalSeconds);
}

/// <summary><see cref="AwsTimestampConverter"/> for optional members.</summary>
internal sealed class NullableAwsTimestampConverter : JsonConverter<DateTimeOffset?>
{
    private static readonly AwsTimestampConverter Inner = new();

    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(DateTimeOffset), options);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            Inner.Write(writer, v, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
