using System.Text;
using Lakehouse.Delta.Actions;
using Lakehouse.Delta.Errors;

namespace Lakehouse.Delta.Tests.Actions;

public class ActionCodecTests
{
    private const string SparkCommit = """
        {"commitInfo":{"timestamp":1667256295535,"operation":"WRITE","operationParameters":{"mode":"Append","partitionBy":"[\"letter\"]"},"isolationLevel":"Serializable","isBlindAppend":true,"operationMetrics":{"numFiles":"1"},"engineInfo":"Apache-Spark/3.3.0 Delta-Lake/2.1.0","txnId":"abc"}}
        {"protocol":{"minReaderVersion":1,"minWriterVersion":2}}
        {"metaData":{"id":"d9f806d9-ad3a-4e4e-94f8-4b8a0d1b9f31","format":{"provider":"parquet","options":{}},"schemaString":"{\"type\":\"struct\",\"fields\":[{\"name\":\"letter\",\"type\":\"string\",\"nullable\":true,\"metadata\":{}}]}","partitionColumns":["letter"],"configuration":{},"createdTime":1667256295353}}
        {"add":{"path":"letter=a/part-00000.snappy.parquet","partitionValues":{"letter":"a"},"size":751,"modificationTime":1667256288474,"dataChange":true,"stats":"{\"numRecords\":1}","tags":null}}
        {"remove":{"path":"part-00000-old.snappy.parquet","deletionTimestamp":1667256303569,"dataChange":true,"extendedFileMetadata":true,"partitionValues":{},"size":716}}
        {"txn":{"appId":"e4a20b59","version":7,"lastUpdated":1564524299648}}
        {"cdc":{"path":"_change_data/x.parquet","partitionValues":{},"size":1,"dataChange":false}}
        {"domainMetadata":{"domain":"x","configuration":"{}","removed":false}}
        """;

    [Fact]
    public void Parse_SparkCommit_ReturnsKnownActionsAndSkipsUnknownOnes()
    {
        var actions = ActionCodec.Parse(Encoding.UTF8.GetBytes(SparkCommit), "mem://t/_delta_log/0.json");

        Assert.Equal(6, actions.Count);
        var info = Assert.IsType<CommitInfo>(actions[0]);
        Assert.Equal("WRITE", info.Operation);
        Assert.Equal("Append", info.OperationParameters!["mode"]);
        Assert.Equal("Apache-Spark/3.3.0 Delta-Lake/2.1.0", info.EngineInfo);
        Assert.True(info.IsBlindAppend);
        var protocol = Assert.IsType<ProtocolAction>(actions[1]);
        Assert.Equal((1, 2), (protocol.MinReaderVersion, protocol.MinWriterVersion));
        var metadata = Assert.IsType<MetadataAction>(actions[2]);
        Assert.Equal(["letter"], metadata.PartitionColumns);
        Assert.Equal("letter", metadata.Schema.Fields[0].Name);
        var add = Assert.IsType<AddFile>(actions[3]);
        Assert.Equal("a", add.PartitionValues["letter"]);
        Assert.Equal(751, add.Size);
        Assert.Null(add.Tags);
        var remove = Assert.IsType<RemoveFile>(actions[4]);
        Assert.Equal(1667256303569, remove.DeletionTimestamp);
        var txn = Assert.IsType<TxnAction>(actions[5]);
        Assert.Equal(("e4a20b59", 7L), (txn.AppId, txn.Version));
    }

    [Fact]
    public void Parse_ExplicitNullsAndUnknownFields_AreTolerated()
    {
        const string line = """{"add":{"path":"a.parquet","partitionValues":{"k":null},"size":1,"modificationTime":2,"dataChange":true,"stats":null,"futureField":{"x":1}}}""";

        var add = Assert.IsType<AddFile>(Assert.Single(ActionCodec.Parse(Encoding.UTF8.GetBytes(line), "x")));

        Assert.Null(add.Stats);
        Assert.True(add.PartitionValues.ContainsKey("k"));
        Assert.Null(add.PartitionValues["k"]);
    }

    [Fact]
    public void Parse_AddWithoutPath_ThrowsNamingFileAndLine()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"protocol\":{\"minReaderVersion\":1,\"minWriterVersion\":2}}\n{\"add\":{\"size\":1}}\n");

        var ex = Assert.Throws<DeltaProtocolException>(() => ActionCodec.Parse(bytes, "file:///t/_delta_log/3.json"));

        Assert.Contains("file:///t/_delta_log/3.json line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'path'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedJson_ThrowsDeltaProtocolException()
    {
        Assert.Throws<DeltaProtocolException>(() => ActionCodec.Parse("{\"add\":"u8, "x"));
    }

    [Fact]
    public void Serialize_ThenParse_RoundTripsEveryActionOnItsOwnLine()
    {
        DeltaAction[] actions =
        [
            new CommitInfo { Timestamp = 5, Operation = "WRITE", OperationParameters = new Dictionary<string, string> { ["mode"] = "Append" }, ReadVersion = 3, IsBlindAppend = true, EngineInfo = "x" },
            ProtocolAction.Default,
            new TxnAction { AppId = "app", Version = 9, LastUpdated = 1 },
            new RemoveFile { Path = "b.parquet", DeletionTimestamp = 4, DataChange = true, Size = 10 },
            new AddFile { Path = "k=%20x/a.parquet", PartitionValues = new Dictionary<string, string?> { ["k"] = null }, Size = 3, ModificationTime = 4, DataChange = true, Stats = "{\"numRecords\":2}" },
        ];

        var bytes = ActionCodec.Serialize(actions);
        var text = Encoding.UTF8.GetString(bytes);
        var parsed = ActionCodec.Parse(bytes, "x");

        Assert.Equal(5, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("{\"commitInfo\":{\"timestamp\":5,\"operation\":\"WRITE\"", text, StringComparison.Ordinal);
        Assert.Contains("\"partitionValues\":{\"k\":null}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"tags\"", text, StringComparison.Ordinal);
        Assert.Equal(actions[1], parsed[1]);
        Assert.Equal(actions[2], parsed[2]);
        Assert.Equal(3L, ((CommitInfo)parsed[0]).ReadVersion);
        var add = Assert.IsType<AddFile>(parsed[4]);
        Assert.Equal("k=%20x/a.parquet", add.Path);
        Assert.Equal("{\"numRecords\":2}", add.Stats);
    }
}
