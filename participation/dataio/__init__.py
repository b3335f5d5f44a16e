"""Import and export of residents, volunteers, registries and behaviour items (django-import-export).

files.py reads an upload (CSV in UTF-8, UTF-8 with BOM or GBK; XLSX) into a table and refuses what cannot be
imported safely; resources.py maps each kind's Chinese columns to models; services.py previews (dry run) and
imports all-or-nothing, and exports with formula cells neutralised and contacts masked."""
