using Sixgill.Config;
using Sixgill.Tests.Addressing;

namespace Sixgill.Tests.Config;

/// <summary>
/// <see cref="TestClusters"/> builds the example files by hand so that the address plan is tested
/// without the loader; these tests hold each hand-built cluster to what its example file loads to.
/// </summary>
public sealed class ExampleClustersTests
{
    public static TheoryData<string> Examples => ["orca.yaml", "lab.yaml", "dual-stack.yaml", "ipv4.yaml"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_hand_built_test_cluster_is_what_its_example_file_loads_to(string file)
    {
        var loaded = TestConfig.Example(file).Load();

        loaded.Cluster.ShouldNotBeNull(string.Join('\n', loaded.Diagnostics));
        loaded.Cluster.ShouldBeEquivalentTo(HandBuilt(file));
    }

    [Fact]
    public void The_comparison_sees_a_difference_deep_in_a_node()
    {
        var loaded = TestConfig.Example("lab.yaml").Load().Cluster.ShouldNotBeNull();
        var changed = TestClusters.Lab().WithNodes(TestClusters.Lab().Nodes.Select(n => n.Name == "w2" ? n with { Id = n.Id + 1 } : n));

        Should.Throw<ShouldAssertException>(() => loaded.ShouldBeEquivalentTo(changed));
    }

    private static Cluster HandBuilt(string file) => file switch
    {
        "orca.yaml" => TestClusters.Orca(),
        "lab.yaml" => TestClusters.Lab(),
        "dual-stack.yaml" => TestClusters.DualStack(),
        "ipv4.yaml" => TestClusters.Ipv4(),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "no hand-built cluster"),
    };
}
