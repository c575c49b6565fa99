using System.Text;
using Sixgill.Cli;
using Sixgill.Host.Files;

// stdout carries results, sometimes megabytes of them (explain of a large cluster): buffer it
// instead of a flush per write, and flush once at the end. stderr is flushed at every write. Both
// are the bare descriptors (StandardStream), not System.Console's: Sixgill reads no keys, so it
// never touches the terminal's modes.
await using var stdout = new StreamWriter(StandardStream.Output, new UTF8Encoding(false), 1 << 16);
await using var stderr = new StreamWriter(StandardStream.Error, new UTF8Encoding(false), 1 << 10) { AutoFlush = true };
return await SixgillCli.RunAsync(args, stdout, stderr);
