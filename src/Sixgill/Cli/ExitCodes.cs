namespace Sixgill.Cli;

/// <summary>The exit codes (docs/commands.md); scripts depend on them.</summary>
internal static class ExitCodes
{
    public const int Done = 0;

    /// <summary>A change failed; what this run changed was rolled back.</summary>
    public const int ChangeFailed = 1;

    /// <summary>The config or the command line is wrong; nothing was touched.</summary>
    public const int BadInput = 2;

    /// <summary>A precondition is missing: not root, a program absent, the lock held, no such interface.</summary>
    public const int Precondition = 3;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it); a change command rolled this run back first.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (128 + 15); a change command rolled this run back first.</summary>
    public const int Terminated = 143;

    /// <summary>stdout or stderr could not be written (closed, full, I/O error): EX_IOERR of sysexits.h; said on the other stream.</summary>
    public const int OutputFailed = 74;

    /// <summary>The reader of stdout or stderr went away (EPIPE): 128 + SIGPIPE, as a tool killed by SIGPIPE reports it; nothing is said.</summary>
    public const int BrokenPipe = 141;

    /// <summary><c>plan --detailed-exitcode</c>: changes are pending.</summary>
    public const int ChangesPending = 10;
}
