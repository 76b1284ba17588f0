using Microsoft.AspNetCore.Hosting;

namespace Relais.Web.Tests.Infrastructure;

/// <summary>Relais on a SQLite file of its own, a copy of the template, in a temporary folder.</summary>
public sealed class SqliteRelaisFactory : RelaisFactory
{
    private readonly string folder;
    private readonly bool ownsFolder;

    public SqliteRelaisFactory() : this(Path.Combine(Path.GetTempPath(), "relais-tests", Guid.NewGuid().ToString("N")), ownsFolder: true) { }

    /// <summary>A second instance on the database file of another (a restart).</summary>
    internal SqliteRelaisFactory(string folder, bool ownsFolder)
    {
        this.folder = folder;
        this.ownsFolder = ownsFolder;
    }

    public string Folder => folder;

    public override RelaisFactory Sibling() => new SqliteRelaisFactory(folder, ownsFolder: false);

    protected override RelaisFactory NewOfSameKind() => new SqliteRelaisFactory();

    public override string Provider => "sqlite";

    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "relais.db");
        if (!File.Exists(file)) TemplateDatabases.CopySqliteTemplateTo(file);
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={file}");
        builder.UseSetting("ConnectionStrings:Postgres", "");
        builder.UseSetting("Audit:CheckpointFile", CheckpointFile);
    }

    /// <summary>The audit checkpoint file of this database (one per database, as in production).</summary>
    public string CheckpointFile => Path.Combine(folder, "audit-checkpoints.log");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (ownsFolder)
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
