using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Sixgill.Tests.Product;

/// <summary>
/// The README's examples are what the binary prints: every <c>console</c> block after the marker
/// <c>&lt;!-- checked: … --&gt;</c> is run, command by command (<c>$ sixgill …</c>, from the
/// repository's root), and its output (stderr, then stdout, as a terminal shows them) must be the
/// lines below the command, exactly.
/// </summary>
public sealed partial class ReadmeTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (Match block in CheckedBlock().Matches(Repository.Read("README.md")))
        {
            var lines = block.Groups["body"].Value.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("$ ", StringComparison.Ordinal))
                {
                    continue;
                }

                var output = lines.Skip(i + 1).TakeWhile(l => !l.StartsWith("$ ", StringComparison.Ordinal));
                data.Add(lines[i][2..], string.Join('\n', output).TrimEnd('\n'));
            }
        }

        return data;
    }

    [Fact]
    public void The_readme_has_checked_examples() => Examples().Count.ShouldBeGreaterThanOrEqualTo(3);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Each_example_prints_what_the_readme_shows(string command, string shown)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        words[0].ShouldBe("sixgill", "a checked example runs sixgill itself");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "sixgill"))
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var word in words.Skip(1))
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        (error + await output).TrimEnd('\n').ShouldBe(shown, $"README.md: $ {command}");
    }

    [GeneratedRegex(@"<!-- checked: [^>]*-->\n```console\n(?<body>(?:(?!```).*\n)*)```")]
    private static partial Regex CheckedBlock();
}
