using System.Diagnostics;
using Sixgill.Config;
using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Config;

/// <summary>
/// Input that would cost without bound is refused with a positioned or named diagnostic: deep nesting,
/// aliases that multiply, files that are not regular or too large, long values in messages.
/// </summary>
public sealed class BoundedInputTests
{
    [Theory]
    [InlineData("[", "", 0)]
    [InlineData("{a: ", "", 1)] // the key of the 64th mapping is the 65th level
    [InlineData("- ", "\n", 0)]
    public void Nesting_past_the_limit_is_one_positioned_error_however_deep_the_file_goes(string open, string tail, int back)
    {
        var text = string.Concat(Enumerable.Repeat(open, 200_000)) + "x" + tail;

        var result = ConfigLoader.Load("deep.yaml", text);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.YamlSyntax);
        error.Message.ShouldBe($"lists and mappings nest deeper than {YamlTree.MaxDepth} levels here");
        error.Position.Line.ShouldBe(1);
        error.Position.Column.ShouldBe((YamlTree.MaxDepth * open.Length) + 1 - (back * (open.Length - 1)));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read()
    {
        var text = "general: " + new string('[', YamlTree.MaxDepth - 2) + "x" + new string(']', YamlTree.MaxDepth - 2); // the scalar is level 64

        var result = ConfigLoader.Load("deep.yaml", text);

        result.Diagnostics.ShouldNotContain(d => d.Message.Contains("nest deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Aliases_that_multiply_an_anchor_stop_at_the_node_limit()
    {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 9; i++)
        {
            text += $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 10))}]\n";
        }

        var result = ConfigLoader.Load("laughs.yaml", text);

        var error = result.Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.YamlSyntax);
        error.Message.ShouldContain("more than a million values");
        error.Position.Line.ShouldBe(6, "f stands for over a million values");
    }

    [Fact]
    public void A_directory_a_fifo_and_devices_are_named_as_such_and_never_read()
    {
        using var directory = new TempDirectory("sixgill-test-");
        var fifo = Path.Combine(directory, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
            mkfifo.ExitCode.ShouldBe(0);
        }

        Unreadable(directory).ShouldContain("it is a directory, not a file");
        Unreadable(fifo).ShouldContain("it is a FIFO (named pipe), not a regular file");
        Unreadable("/dev/zero").ShouldContain("it is a character device, not a regular file");
        Unreadable("/dev/urandom").ShouldContain("it is a character device");
        Unreadable(Path.Combine(directory, "missing.yaml")).ShouldContain("no such file");
    }

    [Fact]
    public void A_file_past_one_mebibyte_is_refused_before_it_is_read_and_one_at_the_limit_is_read()
    {
        var path = CliRun.TempConfig("");
        try
        {
            File.WriteAllText(path, "# " + new string('x', ConfigLoader.MaxFileBytes - 3) + "\n");
            ConfigLoader.LoadFile(path).Diagnostics.ShouldNotContain(d => d.Code == DiagnosticCodes.FileUnreadable);

            File.AppendAllText(path, "x");
            Unreadable(path).ShouldBe($"cannot read the config file {path}: it is {ConfigLoader.MaxFileBytes + 1} bytes, more than the 1 MiB a config file may be");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_message_with_its_length()
    {
        var value = new string('y', 500_000);
        var result = ConfigLoader.Load("long.yaml", TestConfig.Ipv6.Replace("mode: ipv6", $"mode: {value}").Text);

        var line = result.Lines.ShouldHaveSingleItem();
        line.ShouldContain($"\"{new string('y', 40)}…\" (500000 characters)");
        line.Length.ShouldBeLessThan(400);
    }

    [Fact]
    public void A_long_key_is_shortened_too()
    {
        var key = new string('k', 100_000);
        var result = ConfigLoader.Load("long.yaml", TestConfig.Ipv6.Append($"? {key}\n: 1\n").Text); // explicit: an implicit key may not pass 1024 characters

        var line = result.Lines.ShouldHaveSingleItem();
        line.ShouldContain("(100000 characters)");
        line.Length.ShouldBeLessThan(400);
    }

    private static string Unreadable(string path)
    {
        var error = ConfigLoader.LoadFile(path).Diagnostics.ShouldHaveSingleItem();
        error.Code.ShouldBe(DiagnosticCodes.FileUnreadable);
        return error.Message;
    }
}
