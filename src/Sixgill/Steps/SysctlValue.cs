namespace Sixgill.Steps;

/// <summary>Sysctl values compare by their words: the kernel prints tabs where people write spaces.</summary>
internal static class SysctlValue
{
    public static bool Same(string a, string b) =>
        a.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).SequenceEqual(b.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
