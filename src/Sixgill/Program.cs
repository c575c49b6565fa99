using System.Text;
using Sixgill.Cli;

// stdout carries results, sometimes megabytes of them (explain of a large cluster): buffer it
// instead of Console.Out's flush per write, and flush once at the end. stderr stays unbuffered.
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
return await SixgillCli.RunAsync(args, stdout, Console.Error);
