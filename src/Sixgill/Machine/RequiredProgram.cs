namespace Sixgill.Machine;

/// <summary>A program the native gateway runs, the Debian package that ships it, and where Debian puts it.</summary>
internal sealed record RequiredProgram(string Name, string Package, string DebianPath, string Purpose);
