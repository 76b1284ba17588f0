namespace Relais.Web.Tests.Architecture;

/// <summary>Every page about a patient shows the RNIV identity banner (the one Kit/Patients component).</summary>
public class PatientBannerTests
{
    [Fact]
    public void EveryPatientPage_RendersThePatientBanner()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Relais.slnx"))) root = root.Parent;
        Assert.NotNull(root);
        var pages = Directory.GetFiles(Path.Combine(root.FullName, "src", "Relais.Web"), "*.razor", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("@inherits PatientPageBase", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 20, $"only {pages.Count} patient pages found");
        Assert.All(pages, page => Assert.Contains("<PatientBanner PatientId=\"PatientId\" />", File.ReadAllText(page)));
    }
}
