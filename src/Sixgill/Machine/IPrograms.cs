namespace Sixgill.Machine;

/// <summary>
/// The programs of the node that the gateway's steps run (<c>tayga</c>, <c>named-checkconf</c>,
/// <c>named</c>, <c>apparmor_parser</c>): whether each is installed, and one bounded run of it.
/// </summary>
internal interface IPrograms
{
    /// <summary>The full path of <paramref name="program"/> (on PATH or in the system directories); null when it is not installed.</summary>
    string? Find(string program);

    /// <summary>
    /// Runs the program to its end (a daemon that forks returns when its parent exits) and returns
    /// its exit code and output; a bare program name is looked up as <see cref="Find"/> does.
    /// </summary>
    ProcessResult Run(IReadOnlyList<string> command, string? standardInput = null);
}
