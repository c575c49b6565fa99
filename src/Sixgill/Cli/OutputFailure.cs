using Sixgill.Config;

namespace Sixgill.Cli;

/// <summary>
/// The end of a run whose stdout or stderr could not be written. A broken pipe (the reader went
/// away: <c>sixgill plan | head -1</c>) ends quietly with 141, as a tool killed by SIGPIPE does;
/// any other failure (closed, <c>/dev/full</c>, I/O error) is said on the stream that still works and
/// gives 74 (EX_IOERR). A command that had failed already keeps its own exit code.
/// </summary>
internal static class OutputFailure
{
    private const int BrokenPipe = 32; // EPIPE

    private const int NoSpace = 28; // ENOSPC

    public static int Finish(int exitCode, GuardedWriter output, GuardedWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        output.Flush();
        var failed = output.Failure is not null ? output : error.Failure is not null ? error : null;
        if (failed?.Failure is not { } failure)
        {
            return exitCode;
        }

        if (IsBrokenPipe(failure))
        {
            return exitCode == ExitCodes.Done ? ExitCodes.BrokenPipe : exitCode;
        }

        var other = failed == output ? error : output;
        other.WriteLine($"sixgill: cannot write to {failed.Name}: {EchoText.Show(Reason(failure))}; the command ended with exit {exitCode}"
            + (failed == output ? " and its output is lost ('sixgill plan' shows what a change command left on the node)" : ""));
        other.Flush();
        return exitCode == ExitCodes.Done ? ExitCodes.OutputFailed : exitCode;
    }

    private static bool IsBrokenPipe(IOException e) =>
        e.HResult == BrokenPipe || e.Message.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);

    private static string Reason(IOException e) =>
        e.HResult == NoSpace || e.Message.Contains("No space", StringComparison.OrdinalIgnoreCase) ? "no space left on the device" : e.Message;
}
