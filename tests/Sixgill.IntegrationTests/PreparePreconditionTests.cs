namespace Sixgill.IntegrationTests;

/// <summary>Bad input and missing preconditions stop prepare before it changes anything (exit 2 and 3).</summary>
public sealed class PreparePreconditionTests
{
    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_missing_interface_exits_3_naming_it_and_changes_nothing()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync(config => config.Replace("interface: eth1", "interface: eth9", StringComparison.Ordinal));
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var run = await lab.SixgillAsync(w1, "prepare");

        run.ExitCode.ShouldBe(3, run.StandardError);
        run.StandardError.ShouldContain("interface eth9 does not exist");
        run.StandardError.ShouldContain("fix:");
        await NothingChangedAsync(w1, before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task Not_root_exits_3_with_the_sudo_line_and_changes_nothing()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var run = await w1.RunAsync(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", SixgillInNode.Executable, "prepare", "-c", lab.ConfigPath], TestContext.Current.CancellationToken);

        run.ExitCode.ShouldBe(3, run.StandardError);
        run.StandardError.ShouldContain("run as root");
        run.StandardError.ShouldContain($"sudo sixgill prepare -c {lab.ConfigPath}");
        await NothingChangedAsync(w1, before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task An_invalid_config_exits_2_and_changes_nothing()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync(config => config.Replace("id: 3", "id: three", StringComparison.Ordinal));
        var w1 = lab.Node("w1");
        var before = await PrepareNodeState.TakeAsync(w1);

        var run = await lab.SixgillAsync(w1, "prepare");

        run.ExitCode.ShouldBe(2, run.StandardError);
        run.StandardError.ShouldContain("SG005");
        run.StandardError.ShouldContain("nothing was changed");
        await NothingChangedAsync(w1, before);
    }

    private static async Task NothingChangedAsync(Lab.LabNode node, PrepareNodeState before)
    {
        (await PrepareNodeState.TakeAsync(node)).ShouldBe(before);
        (await PrepareLab.ShAsync(node, "test ! -e /var/lib/sixgill && echo untouched")).Trim().ShouldBe("untouched", "not even the state directory was made");
    }
}
