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

    /// <summary>Stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary><c>plan --detailed-exitcode</c>: changes are pending.</summary>
    public const int ChangesPending = 10;
}
