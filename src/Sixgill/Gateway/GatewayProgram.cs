namespace Sixgill.Gateway;

/// <summary>A program the native gateway runs, the Debian package that ships it, and where Debian puts it.</summary>
internal sealed record GatewayProgram(string Name, string Package, string DebianPath, string Purpose);
