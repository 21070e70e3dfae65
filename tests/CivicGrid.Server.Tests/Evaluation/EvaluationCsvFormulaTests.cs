using System.Text;
using CivicGrid.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CivicGrid.Server.Tests.Evaluation;

/// <summary>Names an administrator typed (departments here) reach the evaluation CSV as text a spreadsheet shows,
/// never as a formula it runs; the numbers stay numbers.</summary>
public abstract class EvaluationCsvFormulaTests<TDatabase> : IAsyncLifetime where TDatabase : TestDatabase, new()
{
    private CityHost<TDatabase> _city = null!;

    public async Task InitializeAsync()
    {
        _city = await CityHost.StartAsync<TDatabase>(CityOptions.DemoCity);
        await using var db = _city.Db();
        var prefixes = new[] { "=", "+", "-", "@", "\t" };
        var departments = await db.Departments.OrderBy(d => d.Id).ToListAsync();
        for (var i = 0; i < departments.Count; i++) departments[i].Name = $"{prefixes[i % prefixes.Length]}CMD|'/C calc'!A{i}";
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _city.DisposeAsync();
    }

    [Fact]
    public async Task TheEvaluationCsv_EscapesNamesThatStartLikeAFormula()
    {
        var client = await _city.SignInAs("leader");
        var bytes = await client.GetByteArrayAsync("/api/v1/evaluation/department/export?period=2026&format=csv");

        using var csv = CsvHelper.CsvReader.Create(new MemoryStream(bytes), CsvHelper.CsvReaderOptions.Default with { HasHeader = true, Encoding = Encoding.UTF8 }, leaveOpen: false);
        var rows = 0;
        while (csv.Read())
        {
            rows++;
            var name = csv.GetString(2) ?? "";
            Assert.StartsWith("'", name, StringComparison.Ordinal);
            Assert.Contains("CMD|'/C calc'!A", name, StringComparison.Ordinal);
            for (var i = 0; i < csv.FieldCount; i++)
                Assert.False(csv.GetString(i) is { Length: > 0 } cell && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell {i} of row {rows}");
            Assert.True(int.TryParse(csv.GetString(0), out _), "the rank stays a number");
        }
        Assert.True(rows > 0);
    }
}

public sealed class SqliteEvaluationCsvFormulaTests : EvaluationCsvFormulaTests<SqliteTestDatabase>;

public sealed class PostgresEvaluationCsvFormulaTests : EvaluationCsvFormulaTests<PostgresTestDatabase>;
