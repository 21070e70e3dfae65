using CivicGrid.Server.Platform.Attachments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CivicGrid.Server.Tests.Attachments;

public sealed class AttachmentOptionsTests
{
    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddAttachments(configuration).BuildServiceProvider();
    }

    [Fact]
    public void Defaults_Are10MegabytesAnd320PixelThumbnails_AndValid()
    {
        using var services = Services();
        var options = services.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        Assert.Equal(10 * 1024 * 1024, options.MaxBytes);
        Assert.Equal(320, options.ThumbnailSize);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void TheSection_IsBoundFromConfiguration()
    {
        using var services = Services(("Attachments:MaxBytes", "2048"), ("Attachments:ThumbnailSize", "200"));
        var options = services.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        Assert.Equal((2048, 200), (options.MaxBytes, options.ThumbnailSize));
    }

    [Theory]
    [InlineData("MaxBytes", "0")]
    [InlineData("MaxPixels", "-1")]
    [InlineData("ThumbnailSize", "0")]
    [InlineData("PublicMaxEdge", "100000")]
    public void ABadSetting_FailsValidation_NamingTheSetting(string setting, string value)
    {
        using var services = Services(($"Attachments:{setting}", value));
        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AttachmentOptions>>().Value);
        Assert.Contains($"Attachments:{setting}", Assert.Single(failure.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void APublicEdgeBelowTheThumbnailSize_FailsValidation_NamingBoth()
    {
        var problem = Assert.Single(new AttachmentOptions { PublicMaxEdge = 200, ThumbnailSize = 320 }.Validate());
        Assert.Contains("Attachments:PublicMaxEdge", problem, StringComparison.Ordinal);
        Assert.Contains("Attachments:ThumbnailSize", problem, StringComparison.Ordinal);
    }
}
