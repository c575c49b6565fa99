using Sixgill.Ssh;

namespace Sixgill.Tests.Ssh;

/// <summary>known_hosts as OpenSSH writes and reads it; the hashed lines and fingerprints below were made by ssh-keygen 9.2.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KnownHostsTests
{
    private const string Key1 = "AAAAC3NzaC1lZDI1NTE5AAAAIHVN001K1TWrFQFZHjkXSD7w1Dkas9jNas1PVW7V34mc";
    private const string Key2 = "AAAAC3NzaC1lZDI1NTE5AAAAIOgPhzBPGjT30VBEMzkyzFlEfvqK5fhZN8vuQDno9rgy";

    // ssh-keygen -H of "gw KEY1" and "[fd00:99::1:2]:2222 KEY1"
    private const string HashedGw = "|1|YvFBl8HkBprMrleUMt+x+FHUrLI=|JTKI/5csM5t0ikIVvUdTsvXv5i0= ssh-ed25519 " + Key1;
    private const string HashedPort = "|1|CC/pm+eMytOupVkEED9c4wXHgEI=|gSruAVv9zqcL0p+Pzj/vtAEQPMI= ssh-ed25519 " + Key1;

    private static readonly HostKey First = HostKey.FromBase64(Key1)!;
    private static readonly HostKey Second = HostKey.FromBase64(Key2)!;

    [Fact]
    public void A_fingerprint_is_what_ssh_keygen_prints()
    {
        First.Fingerprint.ShouldBe("SHA256:jgVdHr+3CN3tWcn1QCU8+cOOc+l7fMOptgNV6IeoIg0");
        Second.Fingerprint.ShouldBe("SHA256:Gfpnku3nMBK1lncI1saKvmLTZ2Bhs8cJWhWB6KP6vR4");
        First.Type.ShouldBe("ssh-ed25519");
        First.DisplayName.ShouldBe("ED25519");
    }

    [Fact]
    public void Hashed_entries_of_ssh_keygen_match_their_host_and_port_only()
    {
        var hosts = KnownHosts.Parse(HashedGw + "\n" + HashedPort + "\n");

        hosts.Check("gw", 22, First).Status.ShouldBe(HostKeyStatus.Known);
        hosts.Check("GW", 22, First).Status.ShouldBe(HostKeyStatus.Known);
        hosts.Check("fd00:99::1:2", 2222, First).Status.ShouldBe(HostKeyStatus.Known);
        hosts.Check("fd00:99::1:2", 22, First).Status.ShouldBe(HostKeyStatus.Unknown);
        hosts.Check("gw", 2222, First).Status.ShouldBe(HostKeyStatus.Unknown);
        hosts.Check("w1", 22, First).Status.ShouldBe(HostKeyStatus.Unknown);
    }

    [Fact]
    public void Another_key_of_the_same_type_is_a_changed_key_naming_the_offending_line()
    {
        var hosts = KnownHosts.Parse("# comment\n\n" + HashedGw + "\n");

        var verdict = hosts.Check("gw", 22, Second);

        verdict.Status.ShouldBe(HostKeyStatus.Changed);
        verdict.Lines.Single().Number.ShouldBe(3);
        verdict.Lines.Single().Key.ShouldBe(First);
    }

    [Fact]
    public void A_key_of_another_type_than_the_known_ones_is_unknown_not_changed()
    {
        var rsa = "AAAAB3NzaC1yc2EAAAADAQABAAAAgQC7";
        var hosts = KnownHosts.Parse($"gw ssh-rsa {rsa}\n");

        hosts.KeyTypes("gw", 22).ShouldBe(["ssh-rsa"]);
        hosts.Check("gw", 22, First).Status.ShouldBe(HostKeyStatus.Unknown);
    }

    [Theory]
    [InlineData("gw,w1", "w1", true)]
    [InlineData("w*", "w12", true)]
    [InlineData("w?", "w12", false)]
    [InlineData("w*,!w2", "w2", false)]
    [InlineData("w*,!w2", "w3", true)]
    [InlineData("[fd00:99::1:2]:2222", "[fd00:99::1:2]:2222", true)]
    [InlineData("fd00:99::1:2", "[fd00:99::1:2]:2222", false)]
    public void Plain_patterns_match_as_in_ssh(string patterns, string host, bool matches)
    {
        var line = KnownHostsLine.Parse($"{patterns} ssh-ed25519 {Key1}", 1)!;
        line.Names(host).ShouldBe(matches);
    }

    [Fact]
    public void A_revoked_key_is_refused_whatever_else_the_file_says()
    {
        var hosts = KnownHosts.Parse($"gw ssh-ed25519 {Key1}\n@revoked * ssh-ed25519 {Key1}\n");

        hosts.Check("gw", 22, First).Status.ShouldBe(HostKeyStatus.Revoked);
    }

    [Fact]
    public void Cert_authority_lines_and_broken_lines_are_skipped()
    {
        var hosts = KnownHosts.Parse($"@cert-authority * ssh-ed25519 {Key1}\ngw ssh-ed25519 not-base64\n@unknown gw ssh-ed25519 {Key1}\ngw ssh-rsa {Key1}\n");

        hosts.Check("gw", 22, First).Status.ShouldBe(HostKeyStatus.Unknown);
    }

    [Fact]
    public void A_new_line_is_hashed_and_matches_its_host_at_its_port()
    {
        var line = KnownHosts.NewLine("fd00:99::1:5", 2200, Second);

        line.ShouldStartWith("|1|");
        line.ShouldNotContain("fd00");
        var hosts = KnownHosts.Parse(line);
        hosts.Check("fd00:99::1:5", 2200, Second).Status.ShouldBe(HostKeyStatus.Known);
        hosts.Check("fd00:99::1:5", 22, Second).Status.ShouldBe(HostKeyStatus.Unknown);
    }

    [Fact]
    public void The_file_is_made_private_and_appended_to()
    {
        using var directory = new TempDirectory("sixgill-kh-");
        var file = new KnownHostsFile(Path.Combine(directory.Path, ".ssh", "known_hosts"));
        file.Read().Check("gw", 22, First).Status.ShouldBe(HostKeyStatus.Unknown);

        file.Add("gw", 22, First);
        file.Add("w1", 22, Second);

        file.Read().Check("gw", 22, First).Status.ShouldBe(HostKeyStatus.Known);
        new KnownHostsFile(file.Path).Read().Check("w1", 22, Second).Status.ShouldBe(HostKeyStatus.Known);
        File.ReadAllLines(file.Path).Length.ShouldBe(2);
        File.GetUnixFileMode(file.Path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.GetUnixFileMode(Path.GetDirectoryName(file.Path)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void The_changed_key_warning_is_OpenSSHs_with_both_fingerprints()
    {
        var hosts = KnownHosts.Parse(HashedGw + "\n");
        var text = HostKeyMessages.Changed("gw", "gw", 22, Second, hosts.Check("gw", 22, Second), "/h/.ssh/known_hosts");

        text.ShouldContain("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!");
        text.ShouldContain(Second.Fingerprint);
        text.ShouldContain(First.Fingerprint);
        text.ShouldContain("Offending ED25519 key in /h/.ssh/known_hosts:1");
    }
}
