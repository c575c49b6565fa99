using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class LabNamesTests
{
    [Fact]
    public void A_labs_names_follow_the_spec()
    {
        var names = new LabNames("demo");

        names.Namespace("gw").ShouldBe("sg-demo-gw");
        names.Switch.ShouldBe("sg-demo-sw");
        names.Internet.ShouldBe("sg-demo-inet");
        names.WorkDirectory.ShouldBe("/run/sixgill-lab/demo");
        names.MountNamespaceFile("gw").ShouldBe("/run/sixgill-lab/demo/ns/gw.mnt");
        names.UtsNamespaceFile("gw").ShouldBe("/run/sixgill-lab/demo/ns/gw.uts");
    }

    [Theory]
    [InlineData("")]
    [InlineData("demo-x")]
    [InlineData("Demo")]
    [InlineData("demo/x")]
    [InlineData("..")]
    [InlineData("abcdefghijklm")]
    public void Lab_names_that_could_overlap_or_escape_are_refused(string name)
    {
        Should.Throw<ArgumentException>(() => new LabNames(name)).Message.ShouldContain("lab name");
    }

    [Theory]
    [InlineData("sg-demo-gw", true)]
    [InlineData("sg-demo-pod-1", true)]
    [InlineData("sg-demo-", false)]
    [InlineData("sg-demo2-gw", false)]
    [InlineData("sg-dem-gw", false)]
    [InlineData("sgv-2702", false)]
    [InlineData("demo-gw", false)]
    public void A_lab_owns_only_names_with_its_exact_prefix(string namespaceName, bool owned)
    {
        new LabNames("demo").Owns(namespaceName).ShouldBe(owned);
    }

    [Theory]
    [InlineData("/run/sixgill-lab/demo", true)]
    [InlineData("/run/sixgill-lab/demo/ns/gw.mnt", true)]
    [InlineData("/run/sixgill-lab/demo2", false)]
    [InlineData("/run/sixgill-lab", false)]
    [InlineData("/run/netns/sg-demo-gw", false)]
    public void A_lab_owns_only_paths_in_its_work_directory(string path, bool owned)
    {
        new LabNames("demo").OwnsPath(path).ShouldBe(owned);
    }

    [Theory]
    [InlineData("sg-demo-gw", "demo")]
    [InlineData("sg-t123n4-pod-1", "t123n4")]
    [InlineData("sgv-2702", null)]
    [InlineData("sg-Demo-gw", null)]
    [InlineData("other", null)]
    public void The_lab_of_a_namespace_is_read_from_its_name(string namespaceName, string? lab)
    {
        LabNames.LabOfNamespace(namespaceName).ShouldBe(lab);
    }

    [Theory]
    [InlineData("gw", true)]
    [InlineData("worker-1", true)]
    [InlineData("-w", false)]
    [InlineData("w-", false)]
    [InlineData("W1", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void Node_names_are_hostname_labels(string name, bool valid)
    {
        LabNames.IsValidNodeName(name).ShouldBe(valid);
    }
}
