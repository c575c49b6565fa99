using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class LabTeardownTests
{
    private static readonly LabNames Demo = new("demo");

    [Fact]
    public void Mounts_come_off_last_mounted_first_and_only_the_labs()
    {
        var table = MountTable.Parse("""
            /dev/vda / ext4 rw 0 0
            /dev/vda /run/sixgill-lab/demo/ns ext4 rw 0 0
            nsfs /run/sixgill-lab/demo/ns/gw.mnt nsfs rw 0 0
            nsfs /run/sixgill-lab/demo2/ns/gw.mnt nsfs rw 0 0
            nsfs /run/sixgill-lab/demo/ns/gw.uts nsfs rw 0 0
            nsfs /run/netns/sg-demo-gw nsfs rw 0 0
            """);

        LabTeardown.MountsToRemove(Demo, table).ShouldBe(
            ["/run/sixgill-lab/demo/ns/gw.uts", "/run/sixgill-lab/demo/ns/gw.mnt", "/run/sixgill-lab/demo/ns"]);
    }

    [Fact]
    public void Only_the_labs_namespaces_are_removed()
    {
        LabTeardown.NamespacesToRemove(Demo, ["sg-demo-w1", "sg-demo2-w1", "sgv-2702", "sg-demo-gw", "other"])
            .ShouldBe(["sg-demo-gw", "sg-demo-w1"]);
    }

    [Fact]
    public void Process_ids_never_include_init_this_process_or_junk()
    {
        LabTeardown.ProcessesToEnd("1\n4242\n\n77\nnot-a-pid\n77\n-5\n", ownPid: 4242).ShouldBe([77]);
    }

    [Fact]
    public void Labs_are_found_from_namespaces_and_work_directories()
    {
        LabTeardown.Labs(["sg-demo-gw", "sg-demo-sw", "sgv-2702", "sg-t1n2-w1"], ["old", "not-a-lab", "demo"])
            .ShouldBe(["demo", "old", "t1n2"]);
    }
}
