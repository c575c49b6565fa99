using System.Text;
using Microsoft.Win32.SafeHandles;
using Sixgill.Cli;

// Results go to fd 1 and diagnostics to fd 2 through plain streams, not Console: Console's first
// write sets up terminal and signal handling (a thread of its own) that Sixgill does not use.
// stdout carries results, sometimes megabytes of them (explain of a large cluster): buffered, and
// flushed once at the end. stderr is written through. Disposing synchronously keeps a command
// that never waits free of thread-pool threads.
using var stdout = new StreamWriter(StandardStream(1), new UTF8Encoding(false), 1 << 16);
using var stderr = new StreamWriter(StandardStream(2), new UTF8Encoding(false)) { AutoFlush = true };
return SixgillCli.RunAsync(args, stdout, TextWriter.Synchronized(stderr)).GetAwaiter().GetResult();

static FileStream StandardStream(int fd) => new(new SafeFileHandle(fd, ownsHandle: false), FileAccess.Write, bufferSize: 0);
