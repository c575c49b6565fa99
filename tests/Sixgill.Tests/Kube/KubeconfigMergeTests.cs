using Sixgill.Kube;
using Sixgill.Tests.Engine.Fakes;
using YamlDotNet.RepresentationModel;

namespace Sixgill.Tests.Kube;

public sealed class KubeconfigMergeTests
{
    private const string Theirs = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: prod
          cluster:
            server: https://prod.example:6443
            insecure-skip-tls-verify: true
        contexts:
        - name: prod
          context: {cluster: prod, user: ops, namespace: "default"}
        current-context: prod
        users:
        - name: ops
          user:
            exec:
              apiVersion: client.authentication.k8s.io/v1
              command: aws
              args: [eks, get-token, --cluster-name, prod]
        preferences:
          colors: false

        """;

    private static YamlMappingNode Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IEnumerable<string> Names(YamlMappingNode root, string list) =>
        ((YamlSequenceNode)root[list]).Children.Select(e => ((YamlScalarNode)((YamlMappingNode)e)["name"]).Value!);

    [Fact]
    public void Into_a_file_with_another_context_both_are_there_and_sixgills_is_current()
    {
        var merged = Read(KubeconfigMerge.Merge(Theirs, FakeKubeadm.AdminConfText, "sixgill-gw"));

        Names(merged, "clusters").ShouldBe(["prod", "sixgill-gw"]);
        Names(merged, "users").ShouldBe(["ops", "sixgill-gw"]);
        Names(merged, "contexts").ShouldBe(["prod", "sixgill-gw"]);
        ((YamlScalarNode)merged["current-context"]).Value.ShouldBe("sixgill-gw");
        var ours = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)merged["contexts"])[1])["context"];
        ((YamlScalarNode)ours["cluster"]).Value.ShouldBe("sixgill-gw");
        ((YamlScalarNode)ours["user"]).Value.ShouldBe("sixgill-gw");
        var cluster = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)merged["clusters"])[1])["cluster"];
        ((YamlScalarNode)cluster["server"]).Value.ShouldBe("https://[fd00:20::2]:6443");
        ((YamlScalarNode)cluster["certificate-authority-data"]).Value.ShouldBe("Q0EgY2VydGlmaWNhdGU=");
    }

    [Fact]
    public void The_other_entries_keep_their_values_and_types()
    {
        var merged = Read(KubeconfigMerge.Merge(Theirs, FakeKubeadm.AdminConfText, "sixgill-gw"));

        var prod = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)merged["clusters"])[0])["cluster"];
        var insecure = (YamlScalarNode)prod["insecure-skip-tls-verify"];
        insecure.Value.ShouldBe("true");
        insecure.Style.ShouldBe(YamlDotNet.Core.ScalarStyle.Plain, "a boolean stays a boolean");
        var exec = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)merged["users"])[0])["user"])["exec"];
        ((YamlSequenceNode)exec["args"]).Children.Select(a => ((YamlScalarNode)a).Value).ShouldBe(["eks", "get-token", "--cluster-name", "prod"]);
        ((YamlScalarNode)((YamlMappingNode)merged["preferences"])["colors"]).Value.ShouldBe("false");
        ((YamlScalarNode)merged["apiVersion"]).Value.ShouldBe("v1");
    }

    [Fact]
    public void Merging_again_gives_the_same_text_and_replaces_the_entries_of_the_same_name()
    {
        var once = KubeconfigMerge.Merge(Theirs, FakeKubeadm.AdminConfText, "sixgill-gw");
        var newCa = FakeKubeadm.AdminConfText.Replace("Q0EgY2VydGlmaWNhdGU=", "bmV3IENB", StringComparison.Ordinal);

        KubeconfigMerge.Merge(once, FakeKubeadm.AdminConfText, "sixgill-gw").ShouldBe(once);
        var again = Read(KubeconfigMerge.Merge(once, newCa, "sixgill-gw"));
        Names(again, "clusters").ShouldBe(["prod", "sixgill-gw"]);
        ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)again["clusters"])[1])["cluster"])["certificate-authority-data"]).Value.ShouldBe("bmV3IENB");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n")]
    public void Without_a_file_a_whole_kubeconfig_is_made(string? existing)
    {
        var text = KubeconfigMerge.Merge(existing, FakeKubeadm.AdminConfText, "sixgill-gw");

        text.ShouldBe("""
            apiVersion: v1
            kind: Config
            clusters:
              - name: "sixgill-gw"
                cluster:
                  certificate-authority-data: Q0EgY2VydGlmaWNhdGU=
                  server: https://[fd00:20::2]:6443
            contexts:
              - name: "sixgill-gw"
                context:
                  cluster: "sixgill-gw"
                  user: "sixgill-gw"
            current-context: "sixgill-gw"
            preferences: {}
            users:
              - name: "sixgill-gw"
                user:
                  client-certificate-data: Y2xpZW50IGNlcnQ=
                  client-key-data: Y2xpZW50IGtleQ==

            """.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("clusters: [unclosed", "not YAML Sixgill can read (line ")]
    [InlineData("- a\n- b\n", "not a mapping of settings")]
    [InlineData("clusters: oops\n", "clusters in the kubeconfig is not a list")]
    [InlineData("a: 1\n---\nb: 2\n", "2 YAML documents")]
    public void A_file_that_is_no_kubeconfig_is_refused_naming_why(string existing, string why)
    {
        Should.Throw<FormatException>(() => KubeconfigMerge.Check(existing)).Message.ShouldContain(why);
        Should.Throw<FormatException>(() => KubeconfigMerge.Merge(existing, FakeKubeadm.AdminConfText, "sixgill-gw")).Message.ShouldContain(why);
    }

    [Fact]
    public void An_admin_conf_without_its_context_is_refused()
    {
        Should.Throw<FormatException>(() => KubeconfigMerge.Merge(null, "apiVersion: v1\nkind: Config\n", "sixgill-gw")).Message.ShouldContain("no current-context");
    }
}
