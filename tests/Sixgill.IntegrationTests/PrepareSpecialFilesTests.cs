namespace Sixgill.IntegrationTests;

/// <summary>Files that cannot simply be replaced: systemd-resolved's stub symlink, and a bind-mounted /etc/hosts.</summary>
public sealed class PrepareSpecialFilesTests
{
    private const string DropIn = "/etc/systemd/resolved.conf.d/60-sixgill.conf";

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task With_resolv_conf_linked_to_systemd_resolveds_stub_a_drop_in_is_written_and_the_link_is_left_alone()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        await PrepareLab.ShAsync(w1, """
            mkdir -p /run/systemd/resolve
            printf 'nameserver 127.0.0.53\noptions edns0 trust-ad\n' > /run/systemd/resolve/stub-resolv.conf
            ln -sf /run/systemd/resolve/stub-resolv.conf /etc/resolv.conf
            """);
        const string Link = "readlink /etc/resolv.conf; sha256sum /run/systemd/resolve/stub-resolv.conf";
        var link = await PrepareLab.ShAsync(w1, Link);
        var before = await PrepareNodeState.TakeAsync(w1);

        var prepare = await lab.SixgillAsync(w1, "prepare");

        prepare.ExitCode.ShouldBe(0, prepare.StandardError);
        prepare.StandardError.ShouldContain("PID 1 is not systemd"); // a warning, not a failure: the lab node has no systemd
        (await PrepareLab.ShAsync(w1, $"cat {DropIn}")).ShouldEndWith("[Resolve]\nDNS=fd00:10::100\nDomains=~.\n");
        (await PrepareLab.ShAsync(w1, Link)).ShouldBe(link);
        (await PrepareLab.ShAsync(w1, "test -L /etc/resolv.conf && echo link")).Trim().ShouldBe("link");

        (await lab.SixgillAsync(w1, "clean")).ExitCode.ShouldBe(0);

        (await PrepareLab.ShAsync(w1, $"test ! -e {DropIn} && echo gone")).Trim().ShouldBe("gone");
        (await PrepareLab.ShAsync(w1, Link)).ShouldBe(link);
        (await PrepareNodeState.TakeAsync(w1)).ShouldBe(before);
    }

    [Fact(Timeout = TestTimeouts.Lab)]
    public async Task A_bind_mounted_hosts_file_is_edited_in_place_and_restored()
    {
        await using var lab = await PrepareLab.ThreeNodesAsync();
        await lab.AddGatewayAddressAsync();
        var w1 = lab.Node("w1");
        // As containers and 'ip netns exec' do: /etc/hosts is a mount point, so rename() onto it gives EBUSY.
        await PrepareLab.ShAsync(w1, "cp /etc/hosts /run/hosts.bound && mount -n --bind /run/hosts.bound /etc/hosts");
        (await PrepareLab.ShAsync(w1, "cp /etc/hosts /etc/.hosts-probe; mv /etc/.hosts-probe /etc/hosts 2>&1 || { rm /etc/.hosts-probe; echo refused; }")).ShouldContain("busy");
        var original = await PrepareLab.ShAsync(w1, "sha256sum < /etc/hosts; stat -c '%a %U:%G' /etc/hosts");

        var prepare = await lab.SixgillAsync(w1, "prepare");

        prepare.ExitCode.ShouldBe(0, prepare.StandardError);
        (await PrepareLab.ShAsync(w1, "cat /run/hosts.bound")).ShouldContain("fd00:20::3 w1 # sixgill");

        (await lab.SixgillAsync(w1, "clean")).ExitCode.ShouldBe(0);

        (await PrepareLab.ShAsync(w1, "sha256sum < /etc/hosts; stat -c '%a %U:%G' /etc/hosts")).ShouldBe(original);
        (await PrepareLab.ShAsync(w1, "ls -a /etc | grep -c sixgill || true")).Trim().ShouldBe("0", "no temp file is left beside it");
    }
}
