namespace Sixgill.Planning;

/// <summary>
/// What the boot unit needs to run this node's <c>prepare</c> (and <c>up</c>) again at every boot:
/// the sixgill program that wrote it, the state directory its journal is in, and the config it ran
/// with (kept as a copy there: the file the user named may be gone after a reboot).
/// </summary>
/// <param name="Program">The program's argument vector (the binary, or <c>dotnet sixgill.dll</c>).</param>
internal sealed record ReapplySource(IReadOnlyList<string> Program, string StateDirectory, string ConfigText)
{
    /// <summary>The config copy the boot unit runs with (0600: it may hold the bootstrap token).</summary>
    public string ConfigCopy => Path.Combine(StateDirectory, "reapply.yaml");
}
