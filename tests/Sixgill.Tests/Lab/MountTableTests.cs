using Sixgill.Lab;

namespace Sixgill.Tests.Lab;

public sealed class MountTableTests
{
    [Fact]
    public void Lines_give_source_target_and_type()
    {
        var entries = MountTable.Parse("overlay /etc overlay rw,lowerdir=/etc 0 0\ntmpfs /run tmpfs rw 0 0\n");

        entries.ShouldBe([new MountEntry("overlay", "/etc", "overlay"), new MountEntry("tmpfs", "/run", "tmpfs")]);
    }

    [Theory]
    [InlineData(@"/run/a\040b", "/run/a b")]
    [InlineData(@"/run/a\011b", "/run/a\tb")]
    [InlineData(@"/run/a\134b", @"/run/a\b")]
    [InlineData(@"/run/a\09", @"/run/a\09")]
    [InlineData("/run/plain", "/run/plain")]
    public void Octal_escapes_in_paths_are_decoded(string field, string path)
    {
        MountTable.Unescape(field).ShouldBe(path);
    }
}
