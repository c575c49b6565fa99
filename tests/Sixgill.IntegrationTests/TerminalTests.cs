using Sixgill.Host.Processes;
using Sixgill.Machine;

namespace Sixgill.IntegrationTests;

/// <summary>On a terminal, sixgill leaves it as it found it: no keypad mode (ESC[?1h ESC=) switched on.</summary>
public sealed class TerminalTests
{
    [Theory]
    [InlineData("validate -c examples/lab.yaml")]
    [InlineData("--help")]
    [InlineData("frobnicate")]
    public async Task A_run_on_a_terminal_switches_nothing_on(string arguments)
    {
        Guard.Require(LabRequirements.IsOnPath("script"), "this test", "'script' (Debian package bsdutils)");

        // script(1) gives the run a pseudo-terminal and copies everything written to it.
        var command = $"cd {AppContext.BaseDirectory} && {SixgillInNode.Executable} {arguments}";
        var run = await new ProcessRunner().RunAsync(new ProcessRequest(["script", "-q", "-e", "-c", command, "/dev/null"]), TestContext.Current.CancellationToken);

        run.StandardOutput.ShouldNotBeEmpty();
        run.StandardOutput.ShouldNotContain("\u001b[?1h");
        run.StandardOutput.ShouldNotContain("\u001b=");
    }
}
