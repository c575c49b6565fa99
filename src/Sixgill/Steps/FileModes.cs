namespace Sixgill.Steps;

/// <summary>File modes as people write them.</summary>
internal static class FileModes
{
    public static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0');
}
