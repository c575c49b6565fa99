namespace Sixgill.Machine;

/// <summary>
/// One program to run: an argument vector (never a shell line), what to feed its stdin, how long
/// it may take, and environment changes. Values reach the program as separate arguments, so no
/// quoting can change what runs.
/// </summary>
internal sealed record ProcessRequest(IReadOnlyList<string> Command)
{
    /// <summary>Long enough for iproute2, mount and daemons' one-shot tools on a loaded 2-core machine.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Text written to the program's stdin, which is then closed; null closes it at once.</summary>
    public string? StandardInput { get; init; }

    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    /// <summary>Variables to set for the child; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Called with the program's stdout text as it arrives (in chunks, not lines), besides collecting it: for output a person should see while a long program runs.</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Called with the program's stderr text as it arrives, like <see cref="OnStandardOutput"/>.</summary>
    public Action<string>? OnStandardError { get; init; }
}
