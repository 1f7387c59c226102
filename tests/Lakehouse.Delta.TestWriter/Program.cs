// Usage: Lakehouse.Delta.TestWriter <tableDirectory> <writerNumber> <commits>
// Appends <commits> one-row blind appends to an existing filesystem Delta table and prints the committed versions.
using Lakehouse.Delta;
using Lakehouse.Delta.Storage;
using Lakehouse.Delta.Writing;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: <tableDirectory> <writerId> <commits>");
    return 2;
}

var store = new FileSystemObjectStore(args[0]);
var writer = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var commits = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var table = await DeltaTable.OpenAsync(store, string.Empty);
for (var i = 0; i < commits; i++)
{
    var tx = await table.StartTransactionAsync();
    await TestWriterData.AppendAsync(tx, writer, i);
    var result = await tx.CommitAsync();
    Console.WriteLine(result.Version);
}

return 0;
