namespace Sixgill.Engine;

/// <summary>Where Sixgill keeps its own state on a node (<c>--state-dir</c>).</summary>
internal sealed record StatePaths(string Directory)
{
    public const string DefaultDirectory = "/var/lib/sixgill";

    /// <summary>Every change made and not yet undone, with how to undo it.</summary>
    public string Journal => Path.Combine(Directory, "journal.json");

    /// <summary>Held with flock by the one run allowed to change the node.</summary>
    public string Lock => Path.Combine(Directory, "lock");

    /// <summary>Copies of files Sixgill replaced (0700: they may hold secrets).</summary>
    public string Backups => Path.Combine(Directory, "backups");
}
