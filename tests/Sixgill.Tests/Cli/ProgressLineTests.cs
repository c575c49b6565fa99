using System.Text;
using System.Text.RegularExpressions;
using Sixgill.Cli;
using Sixgill.Machine;

namespace Sixgill.Tests.Cli;

/// <summary>
/// <see cref="ProgressLine"/> against a fake terminal: live, the line is redrawn in place (carriage
/// return and erase-line, nothing else) and what stays on the screen is the final line alone; in a
/// pipe, a start line and a final line; with --quiet nothing; a failure is shown and passed on.
/// </summary>
public sealed partial class ProgressLineTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task On_a_terminal_the_line_is_redrawn_in_place_and_the_final_line_is_all_that_stays()
    {
        var terminal = new FakeTerminal();
        var progress = new ProgressLine(terminal, ProgressMode.Live, tick: Tick);

        var result = await progress.RunAsync("building image sixgill/tayga", async () =>
        {
            await terminal.WaitForAsync(text => Count(text, ProgressLine.Redraw) >= 3); // the first draw and two redraws
            return 42;
        }, value => $"built image sixgill/tayga ({value})");

        result.ShouldBe(42);
        var text = terminal.Text;
        text.ShouldStartWith(ProgressLine.Redraw + "  building image sixgill/tayga …");
        // The seconds so far (0 on a quiet machine; more when a loaded one stalls the test).
        text.ShouldMatch(@"\r\u001b\[K  building image sixgill/tayga … \d+ s");
        text.ShouldEndWith("\n");
        Count(text, "\n").ShouldBe(1, "one line on the screen: every draw before the final one replaces the last");
        EscapeSequence().Matches(text).Select(m => m.Value).Distinct().ShouldBe([ProgressLine.Redraw[1..]]);
        Screen(text).ShouldHaveSingleItem().ShouldMatch(@"^  built image sixgill/tayga \(42\) \(\d+\.\d s\)$");
    }

    [Fact]
    public async Task In_a_pipe_there_is_a_start_line_and_a_final_line_and_no_control_character()
    {
        var pipe = new FakeTerminal();
        IWorkProgress progress = new ProgressLine(pipe, ProgressMode.Plain, tick: Tick);

        await progress.RunAsync("booting 3 systemd nodes", () => Task.Delay(TimeSpan.FromMilliseconds(50)), "3 systemd nodes running");

        var lines = pipe.Text.Split('\n');
        lines.Length.ShouldBe(3, pipe.Text);
        lines[0].ShouldBe("  booting 3 systemd nodes …");
        lines[1].ShouldMatch(@"^  3 systemd nodes running \(\d+\.\d s\)$");
        lines[2].ShouldBeEmpty();
        pipe.Text.ShouldNotContain("\r");
        pipe.Text.ShouldNotContain("\u001b");
    }

    [Fact]
    public async Task With_quiet_nothing_is_written()
    {
        var terminal = new FakeTerminal();
        (await new ProgressLine(terminal, ProgressMode.Silent, tick: Tick).RunAsync("starting dockerd in gw", () => Task.FromResult("x"), _ => "dockerd in gw answers")).ShouldBe("x");
        terminal.Text.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_failure_ends_the_line_says_so_and_is_passed_on(bool live)
    {
        var terminal = new FakeTerminal();
        var progress = new ProgressLine(terminal, live ? ProgressMode.Live : ProgressMode.Plain, tick: Tick);

        await Should.ThrowAsync<InvalidOperationException>(() => progress.RunAsync<int>("rebooting w1", () => throw new InvalidOperationException("no"), _ => "w1 running"));

        Screen(terminal.Text)[^1].ShouldMatch(@"^  rebooting w1: failed \(\d+\.\d s\)$");
        terminal.Text.ShouldEndWith("\n");
    }

    [Fact]
    public async Task A_live_line_longer_than_the_terminal_is_cut_so_it_never_wraps()
    {
        var terminal = new FakeTerminal();
        IWorkProgress progress = new ProgressLine(terminal, ProgressMode.Live, width: 30, tick: Tick);

        await progress.RunAsync(new string('x', 100), () => Task.CompletedTask, "done");

        var first = terminal.Text.Split(ProgressLine.Redraw, StringSplitOptions.RemoveEmptyEntries)[0];
        first.Length.ShouldBe(29);
        first.ShouldEndWith("…");
    }

    [Theory]
    [InlineData(-1, false, "")]
    [InlineData(0, false, "  starting dockerd in gw …\n")]
    [InlineData(1, true, "  starting dockerd in gw …\n")]
    public async Task A_command_s_progress_is_silent_with_quiet_and_plain_lines_off_a_terminal(int verbosity, bool json, string start)
    {
        var error = new FakeTerminal();
        var invocation = new Invocation("config.yaml", null, verbosity, json ? OutputFormat.Json : OutputFormat.Text, "/var/lib/sixgill", TextWriter.Null, error);

        await ProgressLine.For(invocation).RunAsync("starting dockerd in gw", () => Task.CompletedTask, "dockerd in gw answers");

        error.Text.ShouldStartWith(start);
        error.Text.ShouldNotContain("\r");
        (error.Text.Length == 0).ShouldBe(verbosity < 0);
    }

    [Fact]
    public void Only_this_process_s_stderr_can_be_a_terminal()
    {
        ProgressLine.IsTerminal(new StringWriter()).ShouldBeFalse();
        ProgressLine.IsTerminal(TextWriter.Null).ShouldBeFalse();
    }

    /// <summary>What a terminal shows after <paramref name="text"/>: carriage return to column 0, erase-line clears to the end, newline moves down.</summary>
    private static List<string> Screen(string text)
    {
        var lines = new List<StringBuilder> { new() };
        var column = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var line = lines[^1];
            if (text[i] == '\r')
            {
                column = 0;
            }
            else if (text[i] == '\n')
            {
                lines.Add(new StringBuilder());
                column = 0;
            }
            else if (text.AsSpan(i).StartsWith("\u001b[K"))
            {
                line.Length = Math.Min(line.Length, column);
                i += 2;
            }
            else
            {
                if (column < line.Length)
                {
                    line[column] = text[i];
                }
                else
                {
                    line.Append(text[i]);
                }

                column++;
            }
        }

        return [.. lines.Select(l => l.ToString()).Where((l, i) => i < lines.Count - 1 || l.Length > 0)];
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [GeneratedRegex(@"\u001b(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex EscapeSequence();

    /// <summary>A terminal that records what is written, safe to read while the redraw writes.</summary>
    private sealed class FakeTerminal : TextWriter
    {
        private readonly StringBuilder written = new();
        private readonly Lock gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (this.gate)
                {
                    return this.written.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (this.gate)
            {
                this.written.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (this.gate)
            {
                this.written.Append(value);
            }
        }

        public async Task WaitForAsync(Func<string, bool> condition)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!condition(Text))
            {
                await Task.Delay(5, timeout.Token);
            }
        }
    }
}
