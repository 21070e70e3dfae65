using System.Globalization;
using CivicGrid.Domain.Evaluation;
using Microsoft.Data.Sqlite;
using static CivicGrid.Bench.EvaluationBenchCity;

namespace CivicGrid.Bench;

/// <summary>
/// One synthetic year of cases in the bench megacity: rows into <c>Cases</c> (prepared inserts, 1 M per transaction,
/// the table's secondary indexes dropped during the load and rebuilt after it) and, from the same events, the counters
/// the step observer would have written into <c>EvaluationRollups</c>. The counters are accumulated in dense arrays
/// (grid × month for the four region kinds, subject × district × day for the others), so that generating 7 M cases
/// costs a minute or two rather than an hour. Day buckets are written for every kind except street, community and grid
/// (a year, quarter or month is read from its own rows; days only serve the trend and custom ranges).
/// </summary>
internal sealed class EvaluationBenchYear(int year, int[] departments)
{
    private static readonly int M = EvaluationMeasures.All.Count; // counters per row
    private const int Days = 372, Months = 13, Quarters = 5; // the year plus the first days of the next, where late cases finish
    private const int Types = 80;
    private static readonly string[] Channels = ["Inspector", "Inspector", "Inspector", "Inspector", "Inspector", "Inspector", "Hotline", "Hotline", "Citizen", "Open311"];
    private static readonly string[] ChannelKeys = ["Inspector", "Hotline", "Citizen", "Open311"];
    private static readonly int[] ChannelIndex = [0, 0, 0, 0, 0, 0, 1, 1, 2, 3];

    private readonly int[] _gridMonths = new int[Grids * Months * M];
    private readonly int[] _districtDays = new int[Districts * Days * M];
    private readonly Dictionary<(EvaluationSubjectKind Kind, int Subject, int District), int[]> _cells = [];
    private readonly DateOnly _first = new(year, 1, 1);
    private readonly long _firstLocalDay = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 86400;
    private readonly int[] _monthOfDay = Enumerable.Range(0, Days).Select(d => MonthIndex(year, d)).ToArray();

    private static int MonthIndex(int year, int dayIndex)
    {
        var day = new DateOnly(year, 1, 1).AddDays(dayIndex);
        return (day.Year - year) * 12 + day.Month - 1;
    }

    /// <summary>Inserts the cases and the roll-up rows; returns the number of roll-up rows.</summary>
    public int Write(SqliteConnection connection, int count)
    {
        var indexes = DropIndexes(connection, "Cases");
        WriteCases(connection, count);
        Exec(connection, string.Join(";\n", indexes));
        return WriteRollups(connection);
    }

    private void WriteCases(SqliteConnection connection, int count)
    {
        var random = new Random(20261126);
        var start = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        var seconds = (int)(start.AddYears(1) - start).TotalSeconds - 5 * 86400;
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO Cases (Number, CityCode, Channel, Status, Kind, TypeCode, Description, Longitude, Latitude, GridCode, CommunityCode, StreetCode,
              DistrictCode, IsBuiltUp, DepartmentId, IsUrgent, ReworkCount, SupervisionCount, ExtensionCount, CreatedAt, UpdatedAt, RegisteredAt,
              DispatchedAt, FeedbackAt, ClosedAt, StageDueAt, StageOverdueAlerted, HandledOnTime, HistoryCount, LastHistoryHash, Version)
            VALUES ($n, '460100', $ch, $st, 'Matter', $ty, 'bench', $lon, $lat, $g, $co, $s, $d, 1, $dep, 0, $rw, 0, $ext, $c, $u, $reg, $dis, $fb, $cl, $due, 1, $ot, $h, '', 1)
            """;
        string[] names = ["$n", "$ch", "$st", "$ty", "$lon", "$lat", "$g", "$co", "$s", "$d", "$dep", "$rw", "$ext", "$c", "$u", "$reg", "$dis", "$fb", "$cl", "$due", "$ot", "$h"];
        var p = names.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        var transaction = connection.BeginTransaction();
        insert.Transaction = transaction;
        insert.Prepare();
        var typeCodes = Enumerable.Range(1, Types).Select(t => $"06{t:D3}").ToArray();
        static object Ms(DateTimeOffset? t) => t is { } v ? v.ToUnixTimeMilliseconds() : DBNull.Value;

        for (var i = 0; i < count; i++)
        {
            if (i > 0 && i % 1_000_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
            // Skewed towards low grid numbers: a few hotspots, a long tail.
            var u = random.NextDouble();
            var grid = (int)(u * u * Grids);
            var district = DistrictOf(grid);
            var c = random.Next(Channels.Length);
            var channel = ChannelIndex[c];
            var type = random.Next(Types);
            var department = (grid / 7 + random.Next(3)) % departments.Length;
            var created = start.AddSeconds(random.Next(seconds));
            var isPublic = channel != 0;
            var inspector = InspectorOf(grid);
            var steps = 1;

            void Regions(DateTimeOffset at, EvaluationMeasure measure)
            {
                var day = DayOf(at);
                _gridMonths[(grid * Months + _monthOfDay[day]) * M + (int)measure]++;
                _districtDays[(district * Days + day) * M + (int)measure]++;
            }
            void Add(DateTimeOffset at, EvaluationSubjectKind kind, int subject, EvaluationMeasure measure)
            {
                var key = (kind, subject, district);
                if (!_cells.TryGetValue(key, out var cell)) _cells[key] = cell = new int[Days * M];
                cell[DayOf(at) * M + (int)measure]++;
            }

            Regions(created, EvaluationMeasure.Reported);
            Add(created, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.Reported);
            if (isPublic) Regions(created, EvaluationMeasure.PublicReported);
            else Add(created, EvaluationSubjectKind.Inspector, inspector, EvaluationMeasure.Reported);

            var roll = random.NextDouble();
            string status;
            DateTimeOffset? registered = null, dispatched = null, feedback = null, closed = null, due = null;
            bool? onTime = null;
            var (rework, extension) = (0, 0);
            if (roll < 0.05)
            {
                status = "Rejected";
                steps++;
                Add(created.AddMinutes(10), EvaluationSubjectKind.IntakeOperator, random.Next(Operators), EvaluationMeasure.IntakeHandled);
            }
            else
            {
                registered = created.AddMinutes(5 + random.Next(40));
                steps++;
                var lead = random.NextDouble() < 0.4;
                Regions(registered.Value, EvaluationMeasure.Registered);
                Add(registered.Value, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.Registered);
                Add(registered.Value, EvaluationSubjectKind.CaseType, type, EvaluationMeasure.Registered);
                if (isPublic) Regions(registered.Value, EvaluationMeasure.PublicRegistered);
                else Add(registered.Value, EvaluationSubjectKind.Inspector, inspector, EvaluationMeasure.ValidReports);
                var leadId = random.Next(ShiftLeads);
                if (lead)
                {
                    Add(registered.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.Registered);
                    if (random.NextDouble() < 0.95) Add(registered.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.RegisteredOnTime);
                }
                else
                {
                    Add(registered.Value, EvaluationSubjectKind.IntakeOperator, random.Next(Operators), EvaluationMeasure.IntakeHandled);
                }
                if (roll < 0.06)
                {
                    status = "Voided";
                    steps++;
                    Regions(registered.Value.AddHours(1), EvaluationMeasure.Voided);
                    if (lead) Add(registered.Value.AddHours(1), EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.Voided);
                }
                else
                {
                    dispatched = registered.Value.AddMinutes(5 + random.Next(40));
                    steps++;
                    var dispatcher = random.Next(Dispatchers);
                    Add(dispatched.Value, EvaluationSubjectKind.Dispatcher, dispatcher, EvaluationMeasure.Dispatches);
                    if (random.NextDouble() < 0.93) Add(dispatched.Value, EvaluationSubjectKind.Dispatcher, dispatcher, EvaluationMeasure.DispatchesOnTime);
                    if (random.NextDouble() < 0.02) Add(dispatched.Value, EvaluationSubjectKind.Dispatcher, dispatcher, EvaluationMeasure.DispatchesReturned);
                    Add(dispatched.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.Received);
                    if (roll > 0.995)
                    {
                        status = "Handling";
                        due = dispatched.Value.AddDays(3);
                        Regions(due.Value, EvaluationMeasure.Due); // marked overdue, never fed back
                        Add(due.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.Due);
                    }
                    else
                    {
                        rework = random.NextDouble() < 0.04 ? 1 : 0;
                        extension = random.NextDouble() < 0.05 ? 1 : 0;
                        feedback = dispatched.Value.AddHours(2 + random.Next(72));
                        onTime = random.NextDouble() < 0.88;
                        // Each handling stage is due at its deadline (3 days here), closed or not (ADR 0011 §12).
                        for (var f = 0; f <= rework; f++)
                        {
                            var stageDue = dispatched.Value.AddDays(3 * (f + 1));
                            Regions(stageDue, EvaluationMeasure.Due);
                            Add(stageDue, EvaluationSubjectKind.Department, department, EvaluationMeasure.Due);
                            if (onTime.Value)
                            {
                                Regions(stageDue, EvaluationMeasure.DueOnTime);
                                Add(stageDue, EvaluationSubjectKind.Department, department, EvaluationMeasure.DueOnTime);
                            }
                            if (extension > 0) Regions(stageDue, EvaluationMeasure.DueDeferred);
                            if (extension > 0 && onTime.Value) Regions(stageDue, EvaluationMeasure.DueDeferredOnTime);
                            steps += 2;
                            Add(feedback.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.Feedbacks);
                            if (onTime.Value) Add(feedback.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.FeedbacksOnTime);
                            Add(feedback.Value.AddHours(1), EvaluationSubjectKind.Inspector, inspector, EvaluationMeasure.Checks);
                            Add(feedback.Value.AddHours(1), EvaluationSubjectKind.Inspector, inspector, EvaluationMeasure.ChecksOnTime);
                        }
                        if (rework > 0) Add(feedback.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.Reworks);
                        closed = feedback.Value.AddHours(2);
                        steps++;
                        status = "Closed";
                        Regions(closed.Value, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.CaseType, type, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.Closed);
                        Add(closed.Value, EvaluationSubjectKind.ShiftLead, leadId, EvaluationMeasure.ClosedOnTime);
                        if (onTime.Value)
                        {
                            Regions(closed.Value, EvaluationMeasure.ClosedOnTime);
                            Add(closed.Value, EvaluationSubjectKind.Department, department, EvaluationMeasure.ClosedOnTime);
                            Add(closed.Value, EvaluationSubjectKind.Channel, channel, EvaluationMeasure.ClosedOnTime);
                            Add(closed.Value, EvaluationSubjectKind.CaseType, type, EvaluationMeasure.ClosedOnTime);
                        }
                        if (extension > 0) Regions(closed.Value, EvaluationMeasure.ClosedDeferred);
                        if (extension > 0 && onTime.Value) Regions(closed.Value, EvaluationMeasure.ClosedDeferredOnTime);
                    }
                }
            }

            var (lon, lat) = CentreOf(grid);
            p[0].Value = $"B{i:D12}";
            p[1].Value = Channels[c];
            p[2].Value = status;
            p[3].Value = typeCodes[type];
            p[4].Value = lon;
            p[5].Value = lat;
            p[6].Value = GridCodes[grid];
            p[7].Value = CommunityCodes[CommunityOf(grid)];
            p[8].Value = StreetCodes[StreetOf(grid)];
            p[9].Value = DistrictCodes[district];
            p[10].Value = dispatched is null ? DBNull.Value : departments[department];
            p[11].Value = rework;
            p[12].Value = extension;
            p[13].Value = created.ToUnixTimeMilliseconds();
            p[14].Value = (closed ?? feedback ?? dispatched ?? registered ?? created).ToUnixTimeMilliseconds();
            p[15].Value = Ms(registered);
            p[16].Value = Ms(dispatched);
            p[17].Value = Ms(feedback);
            p[18].Value = Ms(closed);
            p[19].Value = Ms(due);
            p[20].Value = onTime is { } t ? t : DBNull.Value;
            p[21].Value = steps;
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        transaction.Dispose();
    }

    private int DayOf(DateTimeOffset at) => (int)((at.ToUnixTimeSeconds() + 8 * 3600) / 86400 - _firstLocalDay);

    private int WriteRollups(SqliteConnection connection)
    {
        var measures = EvaluationMeasures.All;
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO EvaluationRollups (SubjectKind, BucketKind, BucketStart, SubjectKey, DistrictCode, "
            + string.Join(", ", measures) + ") VALUES ($k, $b, $s, $key, $d, " + string.Join(", ", measures.Select((_, i) => $"$m{i}")) + ")";
        var k = insert.Parameters.Add(new SqliteParameter("$k", null));
        var b = insert.Parameters.Add(new SqliteParameter("$b", null));
        var s = insert.Parameters.Add(new SqliteParameter("$s", null));
        var key = insert.Parameters.Add(new SqliteParameter("$key", null));
        var d = insert.Parameters.Add(new SqliteParameter("$d", null));
        var m = measures.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$m{i}", null))).ToArray();
        insert.Prepare();
        var rows = 0;
        void Row(EvaluationSubjectKind kind, EvaluationBucketKind bucket, int bucketStart, string subject, string district, int[] counts, int offset)
        {
            var any = false;
            for (var i = 0; i < M; i++) any |= counts[offset + i] != 0;
            if (!any) return;
            (k.Value, b.Value, s.Value, key.Value, d.Value) = (kind.ToString(), bucket.ToString(), bucketStart, subject, district);
            for (var i = 0; i < M; i++) m[i].Value = counts[offset + i];
            insert.ExecuteNonQuery();
            rows++;
        }
        // Months and years of a series of counters given per day or per month (index 0 = 1 January of the year).
        void Series(EvaluationSubjectKind kind, string subject, string district, int[] counts, int offset, bool perDay)
        {
            var monthSums = new int[Months * M];
            var quarterSums = new int[Quarters * M];
            var yearSums = new int[2 * M];
            var length = perDay ? Days : Months;
            for (var t = 0; t < length; t++)
            {
                var month = perDay ? _monthOfDay[t] : t;
                var at = offset + t * M;
                if (perDay) Row(kind, EvaluationBucketKind.Day, EvaluationRollup.DayNumber(_first.AddDays(t)), subject, district, counts, at);
                for (var i = 0; i < M; i++)
                {
                    monthSums[month * M + i] += counts[at + i];
                    quarterSums[(month / 3) * M + i] += counts[at + i];
                    yearSums[(month / 12) * M + i] += counts[at + i];
                }
            }
            for (var month = 0; month < Months; month++) Row(kind, EvaluationBucketKind.Month, EvaluationRollup.MonthNumber(_first.AddMonths(month)), subject, district, monthSums, month * M);
            for (var q = 0; q < Quarters; q++) Row(kind, EvaluationBucketKind.Quarter, EvaluationRollup.QuarterNumber(_first.AddMonths(3 * q)), subject, district, quarterSums, q * M);
            for (var y = 0; y < 2; y++) Row(kind, EvaluationBucketKind.Year, EvaluationRollup.YearNumber(_first.AddYears(y)), subject, district, yearSums, y * M);
        }

        for (var g = 0; g < Grids; g++) Series(EvaluationSubjectKind.Grid, GridCodes[g], DistrictCodes[DistrictOf(g)], _gridMonths, g * Months * M, perDay: false);
        foreach (var (kind, size, code) in new[] { (EvaluationSubjectKind.Community, GridsPerCommunity, CommunityCodes), (EvaluationSubjectKind.Street, GridsPerCommunity * CommunitiesPerStreet, StreetCodes) })
        {
            var sums = new int[Months * M];
            for (var unit = 0; unit < code.Length; unit++)
            {
                Array.Clear(sums);
                for (var g = unit * size; g < (unit + 1) * size; g++)
                {
                    for (var i = 0; i < Months * M; i++) sums[i] += _gridMonths[g * Months * M + i];
                }
                Series(kind, code[unit], DistrictCodes[DistrictOf(unit * size)], sums, 0, perDay: false);
            }
        }
        for (var district = 0; district < Districts; district++) Series(EvaluationSubjectKind.District, DistrictCodes[district], DistrictCodes[district], _districtDays, district * Days * M, perDay: true);
        foreach (var ((kind, subject, district), cell) in _cells) Series(kind, SubjectKey(kind, subject), DistrictCodes[district], cell, 0, perDay: true);
        transaction.Commit();
        return rows;
    }

    private string SubjectKey(EvaluationSubjectKind kind, int subject) => kind switch
    {
        EvaluationSubjectKind.Department => departments[subject].ToString(CultureInfo.InvariantCulture),
        EvaluationSubjectKind.Inspector => (InspectorBase + subject).ToString(CultureInfo.InvariantCulture),
        EvaluationSubjectKind.IntakeOperator => (OperatorBase + subject).ToString(CultureInfo.InvariantCulture),
        EvaluationSubjectKind.ShiftLead => (ShiftLeadBase + subject).ToString(CultureInfo.InvariantCulture),
        EvaluationSubjectKind.Dispatcher => (DispatcherBase + subject).ToString(CultureInfo.InvariantCulture),
        EvaluationSubjectKind.Channel => ChannelKeys[subject],
        EvaluationSubjectKind.CaseType => $"Matter:06{subject + 1:D3}",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Drops the table's own indexes (not the primary key) and returns the statements that recreate them.</summary>
    internal static List<string> DropIndexes(SqliteConnection connection, string table)
    {
        var statements = new List<(string Name, string Sql)>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $t AND sql IS NOT NULL";
            query.Parameters.AddWithValue("$t", table);
            using var reader = query.ExecuteReader();
            while (reader.Read()) statements.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in statements) Exec(connection, $"DROP INDEX \"{name}\"");
        return statements.Select(s => s.Sql).ToList();
    }

    public static void Exec(SqliteConnection connection, string sql)
    {
        if (string.IsNullOrWhiteSpace(sql)) return;
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
    }
}
