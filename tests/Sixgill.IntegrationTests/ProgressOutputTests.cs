using System.Text.RegularExpressions;
using Sixgill.Cli;
using Sixgill.Docker;
using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>
/// Progress of long work as a user sees it, on the docker runtime's long steps (a dockerd started in
/// the gateway node of a namespace lab, the images imported from the machine's cache): in a pipe only
/// plain lines; on a real terminal (script(1) gives the binary a pseudo-terminal) one line redrawn in
/// place and ended by its final line, and nothing else: no keypad mode, no colour.
/// </summary>
public sealed partial class ProgressOutputTests
{
    private static readonly TimeSpan UpTimeout = TimeSpan.FromMinutes(5);

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task In_a_pipe_the_dockerd_start_and_the_image_imports_are_plain_lines()
    {
        DockerRequirements.Require();
        await DockerLeftovers.SweepAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await SixgillCli.RunAsync(["lab", "up", "--name", lab.Name, "--runtime", "docker"], output, error, TestContext.Current.CancellationToken);
            code.ShouldBe(0, error.ToString());

            var text = error.ToString();
            TestContext.Current.TestOutputHelper?.WriteLine(text);
            text.ShouldNotContain("\r");
            text.ShouldNotContain("\u001b");
            var lines = text.Split('\n');
            lines.ShouldContain("  starting dockerd in gw …");
            lines.ShouldContain(l => Regex.IsMatch(l, @"^  dockerd in gw answers \(\d+\.\d s\)$"), text);
            foreach (var image in ImageRecipes.Services.Select(s => Regex.Escape(ImageRecipes.Image(s).Reference)))
            {
                lines.ShouldContain(l => Regex.IsMatch(l, $@"^  building image {image} …$"), text);
                lines.ShouldContain(l => Regex.IsMatch(l, $@"^  (built image {image}|image {image} was already there) \(\d+\.\d s\)$"), text);
            }

            await DownAsync(lab);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task On_a_terminal_the_line_is_redrawn_in_place_and_the_terminal_is_left_as_it_was()
    {
        DockerRequirements.Require();
        Guard.Require(LabRequirements.IsOnPath("script"), "this test", "'script' (Debian package bsdutils)");
        await DockerLeftovers.SweepAsync();
        var lab = await LabCli.NewAsync();
        try
        {
            // script(1) runs the binary on a pseudo-terminal and copies what it shows (stdout and stderr, newlines as CR LF).
            var command = $"{SixgillInNode.Executable} lab up --name {lab.Name} --runtime docker";
            var run = await new ProcessRunner().RunAsync(new ProcessRequest(["script", "-q", "-e", "-c", command, "/dev/null"]) { Timeout = UpTimeout },
                TestContext.Current.CancellationToken);
            var screen = run.StandardOutput;
            TestContext.Current.TestOutputHelper?.WriteLine(screen.Replace("\u001b", "ESC", StringComparison.Ordinal).Replace("\r", "CR", StringComparison.Ordinal));
            run.ExitCode.ShouldBe(0, screen);

            screen.ShouldContain(ProgressLine.Redraw + "  starting dockerd in gw …");
            screen.ShouldMatch(@"\r\u001b\[K  dockerd in gw answers \(\d+\.\d s\)\r\n");
            foreach (var image in ImageRecipes.Services.Select(s => Regex.Escape(ImageRecipes.Image(s).Reference)))
            {
                screen.ShouldMatch($@"\r\u001b\[K  building image {image} …");
                screen.ShouldMatch($@"\r\u001b\[K  (built image {image}|image {image} was already there) \(\d+\.\d s\)\r\n");
            }

            screen.ShouldMatch(@"\r\u001b\[K  [^\r\n]* … \d+ s\r\u001b\[K", "a line redrawn with the seconds it has been going, in place");

            // Erase-line is the only control sequence: no keypad mode (ESC[?1h ESC=), no colour, no cursor moves.
            EscapeSequence().Matches(screen).Select(m => m.Value).Distinct().ShouldBe(["\u001b[K"], screen);
            screen.ShouldEndWith("\n");
            await DownAsync(lab);
        }
        finally
        {
            await lab.DownQuietlyAsync();
        }
    }

    private static async Task DownAsync(LabCli lab)
    {
        var down = await lab.RunAsync("down");
        down.ExitCode.ShouldBe(0, down.StandardError);
        await lab.ShouldBeGoneAsync([]);
        DockerLeftovers.Find(lab.Name).ShouldBeEmpty();
    }

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex EscapeSequence();
}
