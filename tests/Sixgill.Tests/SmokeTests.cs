namespace Sixgill.Tests;
public sealed class SmokeTests
{
    [Fact]
    public void Works() => Assert.True(true);
}
