using Lakehouse.Delta.Log;

namespace Lakehouse.Delta.Tests.Log;

public class DeltaLogPathsTests
{
    [Theory]
    [InlineData("t/_delta_log/00000000000000000007.json", 7L, LogFileKind.Commit, 0, 0)]
    [InlineData("t/_delta_log/00000000000000000010.checkpoint.parquet", 10L, LogFileKind.Checkpoint, 1, 1)]
    [InlineData("t/_delta_log/00000000000000000010.checkpoint.0000000002.0000000003.parquet", 10L, LogFileKind.MultiPartCheckpoint, 2, 3)]
    public void Parse_RecognisedFile_ReturnsVersionAndKind(string key, long version, LogFileKind kind, int part, int parts)
    {
        var file = DeltaLogPaths.Parse(key, 1, DateTimeOffset.UnixEpoch);

        Assert.NotNull(file);
        Assert.Equal((version, kind, part, parts), (file.Version, file.Kind, file.Part, file.Parts));
    }

    [Theory]
    [InlineData("t/_delta_log/00000000000000000007.crc")]
    [InlineData("t/_delta_log/.00000000000000000007.json.crc")]
    [InlineData("t/_delta_log/_last_checkpoint")]
    [InlineData("t/_delta_log/00000000000000000001.00000000000000000003.compacted.json")]
    [InlineData("t/_delta_log/_commit_3f2a.json.tmp")]
    public void Parse_OtherFiles_AreIgnored(string key)
    {
        Assert.Null(DeltaLogPaths.Parse(key, 1, DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void StartAfterFor_SortsBetweenPreviousAndRequestedVersion()
    {
        var startAfter = DeltaLogPaths.StartAfterFor("t", 10);

        Assert.True(string.CompareOrdinal(startAfter, DeltaLogPaths.CheckpointKey("t", 9)) > 0);
        Assert.True(string.CompareOrdinal(startAfter, DeltaLogPaths.CommitKey("t", 9)) > 0);
        Assert.True(string.CompareOrdinal(startAfter, DeltaLogPaths.CheckpointKey("t", 10)) < 0);
        Assert.Equal("_delta_log/00000000000000000003.json", DeltaLogPaths.CommitKey(string.Empty, 3));
    }
}
