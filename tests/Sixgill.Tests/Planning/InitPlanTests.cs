using System.Text;
using Sixgill.Engine;
using Sixgill.Kube;
using Sixgill.Machine;
using Sixgill.Planning;
using Sixgill.Steps;
using Sixgill.Tests.Engine.Fakes;

namespace Sixgill.Tests.Planning;

public sealed class InitPlanTests
{
    private const string ConfigPath = "/home/ada/lab/config.yaml";

    private const string State = "/var/lib/sixgill";

    // The token and hash of the golden files in Kube/ConfigEdits.
    private const string GoldenToken = "k7q2zp.x0e4vbn8m1r5t9wy";

    private const string GoldenHash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly UnixFileMode Mode644 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static readonly UnixFileMode Mode640 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    private static readonly UnixFileMode Mode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Theory]
    [InlineData("lab")]
    [InlineData("orca")]
    public void Init_rewrites_the_config_in_place_as_the_golden_file_shows(string example)
    {
        var files = Node(Golden($"{example}.yaml"));

        var run = Executor(files).Run(InitPlan.Command, Plan(files, GoldenSecrets()).Steps);

        run.Succeeded.ShouldBeTrue(run.Failure?.Message);
        files.Text(ConfigPath).ShouldBe(Golden($"{example}.expected.yaml"));
    }

    [Fact]
    public void The_CA_key_is_private_the_certificate_public_and_the_config_keeps_its_mode_less_other_users()
    {
        var files = Node(Golden("lab.yaml"));

        var plan = Plan(files, InitSecrets.Choose(null, null, null, force: false, Now));
        Executor(files).Run(InitPlan.Command, plan.Steps).Succeeded.ShouldBeTrue();

        files.ModeOf(ClusterCaFiles.Key).ShouldBe(Mode600);
        files.ModeOf(ClusterCaFiles.Certificate).ShouldBe(Mode644);
        files.ModeOf(ConfigPath).ShouldBe(Mode640);
        plan.ConfigMadePrivate.ShouldBeTrue();
        ClusterCa.CertHashOf(files.Text(ClusterCaFiles.Certificate)!).ShouldBe(plan.Secrets.CertHash);
        files.Text(ConfigPath)!.ShouldContain($"token_cert_hash: \"{plan.Secrets.CertHash}\"");
    }

    [Fact]
    public void A_config_only_its_owner_reads_keeps_its_mode()
    {
        var files = Node(Golden("lab.yaml"), Mode600);

        var plan = Plan(files, GoldenSecrets());

        plan.ConfigMode.ShouldBe(Mode600);
        plan.ConfigMadePrivate.ShouldBeFalse();
    }

    [Fact]
    public void Init_twice_keeps_the_CA_and_the_token_and_changes_nothing()
    {
        var files = Node(Golden("lab.yaml"));
        var first = Plan(files, Choose(files, force: false));
        Executor(files).Run(InitPlan.Command, first.Steps).Succeeded.ShouldBeTrue();
        var config = files.Text(ConfigPath);
        var ca = files.Text(ClusterCaFiles.Certificate);

        var second = Plan(files, Choose(files, force: false));
        var run = Executor(files).Run(InitPlan.Command, second.Steps);

        second.Secrets.NewCa.ShouldBeFalse();
        second.Secrets.NewToken.ShouldBeFalse();
        second.Secrets.CertHash.ShouldBe(first.Secrets.CertHash);
        run.AppliedCount.ShouldBe(0);
        files.Text(ConfigPath).ShouldBe(config);
        files.Text(ClusterCaFiles.Certificate).ShouldBe(ca);
    }

    [Fact]
    public void Force_makes_a_new_CA_and_token_and_keeps_the_old_ones_as_backups()
    {
        var files = Node(Golden("lab.yaml"));
        var first = Plan(files, Choose(files, force: false));
        Executor(files).Run(InitPlan.Command, first.Steps).Succeeded.ShouldBeTrue();
        var oldKey = files.Text(ClusterCaFiles.Key)!;

        var forced = Plan(files, Choose(files, force: true));
        Executor(files).Run(InitPlan.Command, forced.Steps).Succeeded.ShouldBeTrue();

        forced.Secrets.NewCa.ShouldBeTrue();
        forced.Secrets.NewToken.ShouldBeTrue();
        forced.Secrets.CertHash.ShouldNotBe(first.Secrets.CertHash);
        files.Text(ConfigPath)!.ShouldContain(forced.Secrets.CertHash);
        var backups = files.Paths.Where(p => p.StartsWith(State + "/backups/", StringComparison.Ordinal)).ToList();
        backups.Select(files.Text).ShouldContain(oldKey);
        backups.ShouldAllBe(p => files.ModeOf(p) == Mode600);
    }

    [Fact]
    public void A_failed_init_puts_the_config_and_the_CA_back()
    {
        var files = Node(Golden("lab.yaml"));
        var before = files.Snapshot(State);
        files.FailWhen = what => what == $"write {ConfigPath}";

        var run = Executor(files).Run(InitPlan.Command, Plan(files, Choose(files, force: false)).Steps);

        run.Succeeded.ShouldBeFalse();
        run.RolledBack.Length.ShouldBe(3);
        files.FailWhen = _ => false;
        files.Snapshot(State).ShouldBe(before);
    }

    [Fact]
    public void An_existing_CA_is_kept_byte_for_byte()
    {
        using var ca = ClusterCa.Create(Now);
        var certificate = Encoding.UTF8.GetBytes(ca.ExportCertificatePem());
        var key = Encoding.UTF8.GetBytes(ca.ExportPrivateKeyPem());

        var secrets = InitSecrets.Choose(certificate, key, "<provide>", force: false, Now);

        secrets.NewCa.ShouldBeFalse();
        secrets.Certificate.Bytes.ShouldBe(certificate);
        secrets.PrivateKey.Bytes.ShouldBe(key);
        secrets.CertHash.ShouldBe(ca.CertHash);
        secrets.NewToken.ShouldBeTrue("the placeholder is no token");
    }

    [Fact]
    public void A_configured_token_is_kept_unless_forced()
    {
        InitSecrets.Choose(null, null, GoldenToken, force: false, Now).Token.Value.ShouldBe(GoldenToken);
        InitSecrets.Choose(null, null, GoldenToken, force: true, Now).Token.Value.ShouldNotBe(GoldenToken);
    }

    [Fact]
    public void Half_a_CA_or_a_damaged_one_is_refused_with_the_way_out()
    {
        using var ca = ClusterCa.Create(Now);
        using var other = ClusterCa.Create(Now);
        var certificate = Encoding.UTF8.GetBytes(ca.ExportCertificatePem());

        Should.Throw<PreconditionFailedException>(() => InitSecrets.Choose(certificate, null, null, force: false, Now)).Message.ShouldContain("only one of");
        Should.Throw<PreconditionFailedException>(() => InitSecrets.Choose(certificate, Encoding.UTF8.GetBytes(other.ExportPrivateKeyPem()), null, force: false, Now))
            .Message.ShouldContain("init --force");
        InitSecrets.Choose(certificate, null, null, force: true, Now).NewCa.ShouldBeTrue();
    }

    [Fact]
    public void Printing_the_secrets_or_the_steps_shows_no_secret()
    {
        var files = Node(Golden("lab.yaml"));
        var plan = Plan(files, InitSecrets.Choose(null, null, null, force: false, Now));
        var key = Encoding.UTF8.GetString(plan.Secrets.PrivateKey.Bytes);
        var secretLines = key.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)).ToList();

        foreach (var text in plan.Steps.Select(s => s.ToString() + s.Description).Append(plan.ToString()))
        {
            text.ShouldNotContain(plan.Secrets.Token.Secret);
            secretLines.ShouldAllBe(line => !text.Contains(line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_config_that_is_not_utf8_is_refused()
    {
        Should.Throw<FormatException>(() => InitPlan.For(ConfigPath, [0x74, 0x6f, 0xff, 0x0a], Mode644, GoldenSecrets()));
    }

    private static InitSecrets GoldenSecrets()
    {
        BootstrapToken.TryParse(GoldenToken, out var token).ShouldBeTrue();
        return new InitSecrets(token!, FileBody.FromText("certificate\n"), FileBody.FromText("key\n"), GoldenHash, NewCa: true, NewToken: false);
    }

    private static InitSecrets Choose(FakeFiles files, bool force) =>
        InitSecrets.Choose(files.Read(ClusterCaFiles.Certificate), files.Read(ClusterCaFiles.Key), Token(files), force, Now);

    // What the loader would read as the token: the value of the config's token line, if any.
    private static string? Token(FakeFiles files) =>
        files.Text(ConfigPath)!.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("token:", StringComparison.Ordinal))?[6..].Trim().Trim('"');

    private static InitPlan Plan(FakeFiles files, InitSecrets secrets) =>
        InitPlan.For(ConfigPath, files.Read(ConfigPath)!, files.ModeOf(ConfigPath)!.Value, secrets);

    private static FakeFiles Node(string config, UnixFileMode? mode = null) =>
        new FakeFiles().WithFile(ConfigPath, config, mode ?? Mode644).WithDirectory("/etc").WithDirectory(State);

    private static Executor Executor(FakeFiles files) =>
        new(new StepContext(new FakeNetwork(), files, new FakeSysctl(), State + "/backups"), new JournalFile(files, State + "/journal.json"), new FakeRunLock());

    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kube", "ConfigEdits", name));
}
