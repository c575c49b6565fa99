using Sixgill.Config;
using static Sixgill.Config.DiagnosticCodes;

namespace Sixgill.Tests.Config;

/// <summary>Values that reach command lines and files.</summary>
public sealed class SyntaxTests
{
    private static readonly TestConfig Base = TestConfig.Ipv6;
    private const string Token = "token: \"abcdef.0123456789abcdef\"";

    [Fact]
    public void Mtu_below_1280_is_reported()
    {
        var config = Base.InsertAfter("node_size: 80", "mtu: 1000");

        config.Load().ShouldFailOnlyWith(Mtu, config.At("mtu: 1000", "1000"));
    }

    [Fact]
    public void Mtu_of_1280_is_accepted() =>
        Base.InsertAfter("node_size: 80", "mtu: 1280").Load().Cluster!.PodNet.Mtu.ShouldBe(1280);

    [Theory]
    [InlineData("ABCDEF.0123456789abcdef")]
    [InlineData("abcdef0123456789abcdef")]
    [InlineData("abcde.0123456789abcdefg")]
    [InlineData("")]
    public void Token_not_in_kubeadm_format_is_reported_without_echoing_it(string token)
    {
        var error = Base.Replace(Token, $"token: \"{token}\"").Load().ShouldFailOnlyWith(TokenFormat, new SourcePosition(4, 10));

        if (token.Length > 0)
        {
            error.Message.ShouldNotContain(token);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("sha256:5f2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7")]
    [InlineData("zz2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6")]
    public void Cert_hash_that_is_not_64_hex_digits_is_reported(string hash)
    {
        var config = Base.InsertAfter(Token, $"token_cert_hash: \"{hash}\"");

        config.Load().ShouldFailOnlyWith(CertHashFormat, config.At($"token_cert_hash: \"{hash}\"", "\""));
    }

    [Fact]
    public void Cert_hash_with_the_sha256_prefix_and_upper_case_is_normalised()
    {
        var config = Base.InsertAfter(Token, "token_cert_hash: \"sha256:5F2A3C1E9B8D7F6A5E4D3C2B1A09F8E7D6C5B4A392817F6E5D4C3B2A1908F7E6\"");

        config.Load().Cluster!.TokenCertHash.ShouldBe("5f2a3c1e9b8d7f6a5e4d3c2b1a09f8e7d6c5b4a392817f6e5d4c3b2a1908f7e6");
    }

    [Theory]
    [InlineData("root@fd00:20::3", "has an IPv6 address that is not inside [ ]")]
    [InlineData("root@w1:70000", "has a port that is not a number from 1 to 65535")]
    [InlineData("-oProxyCommand=x@w1", "has a user name that starts with \"-\"")]
    [InlineData("root@[w1]", "has something other than an IPv6 address inside [ ]")]
    [InlineData("root@bad_host", "has a host name that contains \"_\"; only letters, digits, \"-\" and \".\" are allowed")]
    [InlineData("@w1", "has an empty user before \"@\"")]
    public void Ssh_target_with_bad_syntax_is_reported(string target, string problem)
    {
        var config = Base.InsertAfter("id: 3", $"ssh: \"{target}\"");

        config.Load().ShouldFailOnlyWith(DiagnosticCodes.SshTarget, config.At($"ssh: \"{target}\"", "\""))
            .Message.ShouldBe($"topology.w1.ssh \"{target}\" {problem}");
    }

    [Theory]
    [InlineData("admin@[fd00:20::3]:2222", "admin", "fd00:20::3", 2222)]
    [InlineData("10.0.0.3", "root", "10.0.0.3", 22)]
    [InlineData("ops@w1.lab.example:2200", "ops", "w1.lab.example", 2200)]
    public void Ssh_target_binds_with_root_and_22_as_defaults(string target, string user, string host, int port)
    {
        var config = Base.InsertAfter("id: 3", $"ssh: \"{target}\"");

        config.Load().Cluster!.FindNode("w1")!.Ssh.ShouldBe(new Sixgill.Config.SshTarget(user, host, port));
    }

    [Theory]
    [InlineData("eth 0", "contains white space")]
    [InlineData("eth/0", "contains \"/\"")]
    [InlineData("eth0:1", "contains \":\" (that is an address label, not an interface)")]
    [InlineData("abcdefghijklmnop", "is 16 characters long; Linux allows at most 15")]
    [InlineData("..", "cannot be \"..\"")]
    public void Interface_name_linux_refuses_is_reported(string name, string problem)
    {
        var config = Base.Replace("interface: eth2", $"interface: \"{name}\"");

        config.Load().ShouldFailOnlyWith(InterfaceName, config.At($"interface: \"{name}\"", "\""))
            .Message.ShouldBe($"topology.w1.interface \"{name}\" {problem}");
    }

    [Fact]
    public void Interface_name_of_15_characters_is_accepted() =>
        Base.Replace("interface: eth2", "interface: abcdefghijklmno").Load().ShouldPass();

    [Theory]
    [InlineData("W1", "has upper-case letters; Kubernetes names are lower case", "did you mean \"w1\"?")]
    [InlineData("w_1", "contains \"_\"; only letters, digits, \"-\" and \".\" are allowed", null)]
    [InlineData("-w1", "has a label that starts or ends with \"-\" (\"-w1\")", null)]
    public void Node_name_that_is_not_an_rfc_1123_name_is_reported(string name, string problem, string? hint)
    {
        var config = Base.Replace("w1:", $"{name}:");

        var error = config.Load().ShouldFailOnlyWith(HostName, new SourcePosition(10, 3));
        error.Message.ShouldBe($"node name \"{name}\" {problem}");
        if (hint is not null)
        {
            error.Hint.ShouldBe(hint);
        }
    }

    [Fact]
    public void Node_name_with_dots_is_accepted() =>
        Base.Replace("w1:", "w1.lab.example:").Load().ShouldPass();

    [Fact]
    public void Kubernetes_version_without_the_v_is_reported_with_it_suggested()
    {
        var config = Base.InsertAfter(Token, "kubernetes_version: 1.31.2");

        config.Load().ShouldFailOnlyWith(KubernetesVersion, config.At("kubernetes_version: 1.31.2", "1.31"))
            .Hint.ShouldBe("did you mean v1.31.2?");
    }

    [Theory]
    [InlineData("v1.30.14")]
    [InlineData("v1.29.0")]
    [InlineData("v0.99.0")]
    public void Kubernetes_older_than_1_31_is_reported_at_its_position_with_the_floor(string version)
    {
        var config = Base.InsertAfter(Token, $"kubernetes_version: {version}");

        var error = config.Load().ShouldFailOnlyWith(KubernetesTooOld, config.At($"kubernetes_version: {version}", version));
        error.Message.ShouldContain($"is {version}, older than v1.31");
        error.Message.ShouldContain("kubeadm.k8s.io/v1beta4");
    }

    [Theory]
    [InlineData("v1.31.0")]
    [InlineData("v1.36.2")]
    [InlineData("v2.0.0")]
    public void Kubernetes_1_31_and_newer_is_accepted(string version) =>
        Base.InsertAfter(Token, $"kubernetes_version: {version}").Load().Cluster!.KubernetesVersion.ShouldBe(version);

    [Fact]
    public void Kubernetes_version_in_the_vX_Y_Z_form_is_accepted() =>
        Base.InsertAfter(Token, "kubernetes_version: v1.31.2").Load().Cluster!.KubernetesVersion.ShouldBe("v1.31.2");

    [Theory]
    [InlineData("cluster..local")]
    [InlineData("cluster.local.")]
    [InlineData("Cluster.Local")]
    public void Cluster_domain_that_is_not_a_dns_name_is_reported(string domain)
    {
        var config = Base.InsertAfter(Token, $"cluster_domain: \"{domain}\"");

        config.Load().ShouldFailOnlyWith(ClusterDomain, config.At($"cluster_domain: \"{domain}\"", "\""));
    }

    [Fact]
    public void Cluster_domain_defaults_to_cluster_local()
    {
        Base.Load().Cluster!.ClusterDomain.ShouldBe("cluster.local");
        Base.InsertAfter(Token, "cluster_domain: lab.internal").Load().Cluster!.ClusterDomain.ShouldBe("lab.internal");
    }
}
