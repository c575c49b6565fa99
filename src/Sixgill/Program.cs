using System.Runtime.InteropServices;
using System.Text;
using Sixgill.Cli;
using Sixgill.Engine;
using Sixgill.Host.Interop;

// Before anything opens a file: a closed stdout or stderr gets /dev/null, so no file can take its number.
var (outputClosed, errorClosed) = StandardStreams.Guard();

// SIGINT and SIGTERM during a change: the first is taken by the run (finish the step, roll back, exit
// 130/143); otherwise, or the second time, the process ends as usual. The handler only ever takes a
// signal, never gives one back: another handler (--all's, which tells every node) may have taken it.
var stop = new StopRequest();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Take(context, stop, StopRequest.Interrupt));
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Take(context, stop, StopRequest.Terminate));

// stdout carries results, sometimes megabytes of them (explain of a large cluster): buffer it
// instead of Console.Out's flush per write, and flush once at the end. stderr stays unbuffered.
// Neither ever throws: a closed, full or broken stream decides the exit code at the end instead.
// The descriptors are written directly with write(2) (Console's streams drop EPIPE without a word,
// and a FileStream on a file writes at an offset of its own instead of the one shared with the shell).
var utf8 = new UTF8Encoding(false);
using var stdout = new GuardedWriter(new StreamWriter(Standard(1, outputClosed), utf8, 1 << 16), "stdout", outputClosed);
using var stderr = new GuardedWriter(new StreamWriter(Standard(2, errorClosed), utf8, 1 << 10) { AutoFlush = true }, "stderr", errorClosed);
var code = await SixgillCli.RunAsync(args, stdout, stderr, CommandEnvironment.Local with { Stop = stop });
return OutputFailure.Finish(code, stdout, stderr);

static Stream Standard(int fd, bool closed) =>
    closed ? Stream.Null : new DescriptorStream(fd, fd == 1 ? "stdout" : "stderr");

static void Take(PosixSignalContext context, StopRequest stop, int signal)
{
    if (stop.TryTake(signal))
    {
        context.Cancel = true;
    }
}
