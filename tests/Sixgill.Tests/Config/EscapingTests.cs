using System.Text.Json;
using Sixgill.Config;
using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Config;

/// <summary>Every diagnostic is one line, and what a config or a command line echoes cannot reach the terminal raw.</summary>
public sealed class EscapingTests
{
    [Theory]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("\u001b[2J\rx\b\t", @"\e[2J\rx\b\t")]
    [InlineData("\u0007\u007f\u009b", @"\x07\x7F\x9B")]
    [InlineData("ab\u202Ecd\u2028", @"ab\u{202E}cd\u{2028}")]
    [InlineData("plain: \"quoted\" ünïcode", "plain: \"quoted\" ünïcode")]
    public void Escape_makes_control_characters_visible(string text, string shown) =>
        EchoText.Escape(text).ShouldBe(shown);

    [Fact]
    public void Control_characters_in_keys_and_values_are_escaped_in_the_diagnostic_line()
    {
        var config = TestConfig.Ipv6.Replace("mode: ipv6", "mode: \"ipv6\\e[2J\\r\\nSG000 all good\"").Append("\"\\e]0;owned\\a\": 1\n").Text;

        var lines = ConfigLoader.Load("x.yaml", config).Lines.ToList();

        lines.Count.ShouldBe(2);
        lines.ShouldAllBe(l => !l.Any(char.IsControl));
        lines.ShouldContain(l => l.Contains(@"ipv6\e[2J\r\nSG000 all good", StringComparison.Ordinal));
        lines.ShouldContain(l => l.Contains(@"\e]0;owned\x07", StringComparison.Ordinal));
    }

    [Fact]
    public void A_config_path_with_control_characters_is_escaped_on_every_line_of_stderr()
    {
        var run = CliRun.Of("validate", "-c", "/nonexistent/\u001b[31mred\nline.yaml");

        run.ExitCode.ShouldBe(2);
        run.Error.TrimEnd('\n').Split('\n').ShouldAllBe(l => !l.Any(char.IsControl));
        run.Error.ShouldContain(@"\e[31mred\nline.yaml:1:1: error SG000");
    }

    [Fact]
    public void In_json_the_message_is_the_same_escaped_line()
    {
        var config = CliRun.TempConfig(TestConfig.Ipv6.Replace("mode: ipv6", "mode: \"a\\e[2Jb\\nc\"").Text);
        try
        {
            var run = CliRun.Of("validate", "-c", config, "--output", "json");

            run.Out.ShouldNotContain("\u001b");
            using var json = JsonDocument.Parse(run.Out);
            var message = json.RootElement.GetProperty("diagnostics")[0].GetProperty("message").GetString()!;
            message.ShouldContain(@"a\e[2Jb\nc");
            message.Any(char.IsControl).ShouldBeFalse();
        }
        finally
        {
            File.Delete(config);
        }
    }
}
