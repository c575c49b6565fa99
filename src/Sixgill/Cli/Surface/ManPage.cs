using System.Globalization;
using System.Text;

namespace Sixgill.Cli.Surface;

/// <summary>
/// <c>sixgill(1)</c> in roff, made from the command definitions (<c>sixgill help --man</c>; the
/// package installs it as <c>/usr/share/man/man1/sixgill.1.gz</c>).
/// </summary>
internal static class ManPage
{
    public static string Render(IReadOnlyList<SurfaceCommand> commands, string version, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = commands.Single(c => c.Path.Length == 0);
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $".TH SIXGILL 1 \"{date:yyyy-MM-dd}\" \"sixgill {Escape(version)}\" \"User Commands\"\n");
        page.Append(".SH NAME\nsixgill \\- prepare Linux machines for an IPv6\\-only Kubernetes lab, and put them back\n");
        page.Append(".SH SYNOPSIS\n.B sixgill\n.I COMMAND\n[\\fIOPTIONS\\fR]\n");
        page.Append(".SH DESCRIPTION\n");
        Paragraphs(page, root.Description);
        Options(page, root);
        page.Append(".SH COMMANDS\n");
        foreach (var command in commands.Where(c => c.Path.Length > 0))
        {
            var arguments = string.Concat(command.Arguments.Select(a => $" {a.Name}{(a.Many ? "..." : "")}"));
            page.Append(CultureInfo.InvariantCulture, $".SS \"sixgill {Escape(command.Path)}{Escape(arguments)}\"\n");
            Paragraphs(page, command.Description);
            foreach (var argument in command.Arguments)
            {
                page.Append(CultureInfo.InvariantCulture, $".TP\n.I {Escape(argument.Name)}\n{Line(argument.Description)}\n");
            }

            Options(page, command);
            Examples(page, command.Examples);
        }

        page.Append("""
            .SH EXIT STATUS
            .TP
            .B 0
            done
            .TP
            .B 1
            a change failed (and was rolled back), or a check failed
            .TP
            .B 2
            the config or the command line is wrong; nothing was touched
            .TP
            .B 3
            a precondition is missing: not root, a program absent, the lock held
            .TP
            .B 10
            \fBplan \-\-detailed\-exitcode\fR: changes are pending
            .TP
            .B 130
            interrupted
            .SH ENVIRONMENT
            .TP
            .B NO_COLOR
            when set, no colour in any output
            .SH FILES
            .TP
            .I /var/lib/sixgill/journal.json
            every change made, for \fBclean\fR and \fBdown\fR to undo (\fB\-\-state\-dir\fR moves it)
            .TP
            .I /etc/sixgill/
            the kubeadm files and the cluster CA that \fBprepare\fR and \fBinit\fR write
            .SH SEE ALSO
            .BR kubeadm (8),
            .BR ip (8),
            .BR named (8),
            .BR tayga (8)
            .PP
            /usr/share/doc/sixgill/README.md, config.md and json.md

            """);
        return page.ToString();
    }

    private static void Options(StringBuilder page, SurfaceCommand command)
    {
        if (command.Options.Count == 0)
        {
            return;
        }

        page.Append(".PP\nOptions:\n");
        foreach (var option in command.Options)
        {
            var names = string.Join(", ", option.Aliases.Select(a => $"\\fB{Escape(a)}\\fR").Append($"\\fB{Escape(option.Name)}\\fR"));
            var value = option.TakesValue ? $" \\fI{Escape(option.HelpName ?? "VALUE")}\\fR" : "";
            page.Append(CultureInfo.InvariantCulture, $".TP\n{names}{value}\n{Line(option.Description)}\n");
        }
    }

    private static void Examples(StringBuilder page, IReadOnlyList<string> examples)
    {
        if (examples.Count == 0)
        {
            return;
        }

        page.Append(".PP\nExamples:\n.RS\n.nf\n");
        foreach (var example in examples)
        {
            page.Append(Line(example)).Append('\n');
        }

        page.Append(".fi\n.RE\n");
    }

    private static void Paragraphs(StringBuilder page, string text)
    {
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            page.Append(".PP\n").Append(Line(string.Join(' ', paragraph.Split('\n', StringSplitOptions.TrimEntries)))).Append('\n');
        }
    }

    /// <summary>One line of text, safe for roff: no request at its start, backslashes and dashes escaped.</summary>
    internal static string Line(string text)
    {
        var escaped = Escape(text.Replace('\n', ' '));
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }

    private static string Escape(string text) =>
        text.Replace("\\", "\\e", StringComparison.Ordinal).Replace("-", "\\-", StringComparison.Ordinal);
}
