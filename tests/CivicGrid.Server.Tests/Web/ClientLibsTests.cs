using CivicGrid.Server.Platform.Web;

namespace CivicGrid.Server.Tests.Web;

/// <summary>The client-library server answers only for files inside its folder, with a fingerprint that follows the
/// content (the browser tests check the HTTP side: compression, cache headers, revalidation).</summary>
public sealed class ClientLibsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("civicgrid-libs-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void AFileOutsideTheFolder_IsNotFound_EvenThroughDotDot()
    {
        var libs = _root.CreateSubdirectory("clientlibs");
        File.WriteAllText(Path.Combine(libs.FullName, "a.js"), "var a = 1;");
        File.WriteAllText(Path.Combine(_root.FullName, "secret.txt"), "password");
        var server = new ClientLibs(libs.FullName);
        Assert.NotNull(server.Find("a.js"));
        Assert.Null(server.Find("../secret.txt"));
        Assert.Null(server.Find("/etc/passwd"));
    }

    [Fact]
    public void TheFingerprint_FollowsTheContent()
    {
        var libs = _root.CreateSubdirectory("clientlibs");
        File.WriteAllText(Path.Combine(libs.FullName, "a.js"), "var a = 1;");
        File.WriteAllText(Path.Combine(libs.FullName, "b.js"), "var a = 2;");
        var server = new ClientLibs(libs.FullName);
        Assert.Matches("^/lib/a.js\\?v=[0-9a-f]{16}$", server.Url("a.js"));
        Assert.NotEqual(server.Find("a.js")!.Version, server.Find("b.js")!.Version);
        Assert.Equal("text/javascript", server.Find("a.js")!.ContentType);
        Assert.NotNull(server.Find("a.js")!.Brotli);
    }
}
