namespace CivicGrid.Data;

public enum DatabaseProvider { Sqlite, Postgres }
