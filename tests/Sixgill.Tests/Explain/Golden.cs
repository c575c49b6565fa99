using System.Runtime.CompilerServices;

namespace Sixgill.Tests.Explain;

/// <summary>
/// Expected outputs kept as files beside the tests. Set <c>SIXGILL_UPDATE_GOLDEN=1</c> to rewrite
/// them from the current output, then review the diff before committing. Under CI (<c>CI=true</c>)
/// the switch is refused: there a golden check must compare, never rewrite and pass.
/// </summary>
internal static class Golden
{
    public static void ShouldMatchGolden(this string actual, string name, [CallerFilePath] string caller = "")
    {
        // The source tree, found from this file's compile-time path: no project-file copy step needed.
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "golden", name);
        if (Environment.GetEnvironmentVariable("SIXGILL_UPDATE_GOLDEN") == "1")
        {
            Guard.IsCi.ShouldBeFalse("SIXGILL_UPDATE_GOLDEN=1 is refused under CI=true: golden files are rewritten by hand, then reviewed");
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests once with SIXGILL_UPDATE_GOLDEN=1");
        actual.ShouldBe(File.ReadAllText(path).ReplaceLineEndings("\n"));
    }
}
