using Sixgill.Tests.Cli;

namespace Sixgill.Tests.Product;

/// <summary>sixgill(1), made from the command definitions by <c>sixgill help --man</c>.</summary>
public sealed class ManPageTests
{
    [Fact]
    public void The_manual_has_every_command_with_its_options_and_examples()
    {
        var man = CliRun.Of("help", "--man");

        man.ExitCode.ShouldBe(0, man.Error);
        man.Out.ShouldStartWith(".TH SIXGILL 1 ");
        foreach (var section in new[] { ".SH NAME", ".SH SYNOPSIS", ".SH DESCRIPTION", ".SH COMMANDS", ".SH EXIT STATUS", ".SH FILES" })
        {
            man.Out.ShouldContain(section);
        }

        foreach (var command in new[] { "validate", "lab up", "lab exec NODE CMD...", "completion SHELL", "plan command" })
        {
            man.Out.ShouldContain($".SS \"sixgill {command}\"");
        }

        man.Out.ShouldContain("\\fB\\-\\-state\\-dir\\fR \\fIDIR\\fR");
        man.Out.ShouldContain("sudo sixgill lab demo \\-\\-keep");
    }

    [Fact]
    public void Groff_formats_the_manual_without_a_warning()
    {
        Tool.Require("groff", "groff-base");
        var man = CliRun.Of("help", "--man").Out;

        var (code, output, error) = Tool.Run("groff", ["-man", "-Tutf8", "-ww", "-z"], man);

        code.ShouldBe(0, error);
        error.ShouldBeEmpty();
        output.ShouldBeEmpty();
    }

    [Fact]
    public void No_line_of_the_manual_starts_with_a_request_it_did_not_mean() =>
        CliRun.Of("help", "--man").Out.Split('\n')
            .Where(l => l.StartsWith('.') || l.StartsWith('\''))
            .Select(l => l.Split(' ')[0])
            .Distinct()
            .ShouldBeSubsetOf([".TH", ".SH", ".SS", ".PP", ".TP", ".B", ".I", ".BR", ".RS", ".RE", ".nf", ".fi"]);
}
