"""The exact matches of a one- or two-letter search (store/search.py `short_page`): the candidates
(last name or first name starting so, or for two letters the postcode) for whom every typed word is a
whole word, those with a name spelled as typed first, each part in name order.

Every exact match holds the first word whole, so the smaller of two sets is read (issue #15):
- few tenants hold it whole (the FTS phrase ' w ', as for 'ha'): those, tested on the index's own row
  (tenant_fts_order: the search text with a space at each end, the names as NOCASE compares them), so
  no tenant row is read but for a postcode;
- else (as for 'y', whole in every Welsh 'Heol y …'): the candidates of each source, tested on the
  name indexes, which hold the search text (no tenant row is read but for an exact match or a
  postcode's tenant).
"""
from __future__ import annotations

from typing import Any

from liaison_app.store.search_order import NAME_ORDER, fts_phrase, names_param
from liaison_app.store.search_ranked import by_rank

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_ORDER = ", ".join(f"t.{c}" for c in NAME_ORDER.split(", "))


def exact_rows(conn, q) -> list[int]:
    """The tenant rowids of `q`'s exact matches, in rank then name order (`q`: a short query of
    store/search.py; `conn`: a SQLAlchemy connection)."""
    folded = q.words[0][1]
    params: dict[str, Any] = dict(q.params)
    params.update(em=fts_phrase(f" {folded} "), ew=f" {folded} ")
    whole = conn.exec_driver_sql(f"SELECT count(*) FROM (SELECT 1 FROM tenant_fts WHERE tenant_fts MATCH :em "
                                 f"LIMIT {q.found + 1})", params).scalar_one()
    if whole == 0:
        return []
    if whole <= q.found:
        return _from_whole(conn, q, params)
    return _from_candidates(conn, q, params)


def _from_whole(conn, q, params: dict[str, Any]) -> list[int]:
    """The tenants holding the first word whole (FTS), tested on tenant_fts_order AS s alone."""
    cursor = conn.connection.driver_connection
    typed, first = q.words[0]
    title = typed[:1].upper() + typed[1:]
    params.update(xl0=typed.translate(_ASCII_LOWER), xl1=title.translate(_ASCII_LOWER), xlen=len(typed),
                  xf=first, xflen=len(first))
    source = ["substr(s.names, 2, :xlen) IN (:xl0, :xl1)",  # the last name starts so, as NOCASE compares
              "substr(s.search_text, 2, :xflen) = :xf"]  # the search text starts with the first name
    if "postcode" in q.prefix:
        # the tenants of those homes, listed once (few: the homes were counted as candidates), not a
        # tenant row and a home read for each tenant holding the word
        source.append("(instr(s.search_text, :pword) > 0 AND s.tid IN (SELECT tt.rowid FROM home AS hh JOIN tenant "
                      "AS tt ON tt.home_id = hh.id WHERE hh.postcode >= :plo AND hh.postcode < :phi))")
    whole, spelled = [], []
    for i, (word, folded) in enumerate(q.words):
        params.update({f"xw{i}": f" {folded} ", f"xa{i}": names_param(word),
                       f"xb{i}": names_param(word[:1].upper() + word[1:])})
        whole.append(f"instr(s.search_text, :xw{i}) > 0")
        spelled.append(f"(instr(s.names, :xa{i}) > 0 OR instr(s.names, :xb{i}) > 0)")
    rows = cursor.execute(
        f"SELECT CASE WHEN {' AND '.join(spelled)} THEN 0 ELSE 1 END, s.key, s.tid FROM tenant_fts "
        f"CROSS JOIN tenant_fts_order AS s ON s.key = tenant_fts.rowid WHERE tenant_fts MATCH :em "
        f"AND ({' OR '.join(source)}) AND {' AND '.join(whole)} AND {q.extra_s}", params).fetchall()
    return by_rank(cursor, rows, len(rows))


def _from_candidates(conn, q, params: dict[str, Any]) -> list[int]:
    """Each source's candidates holding the first word whole, tested on the index that reads the source."""
    text = "rowid AS tid, ' ' || search_text || ' ' AS search_text FROM tenant"
    sources = [(f"SELECT {text} INDEXED BY ix_tenant_name_order WHERE last_name COLLATE NOCASE >= :lo "
                "AND last_name COLLATE NOCASE < :hi")]
    if "title" in q.prefix:
        sources.append(f"SELECT {text} INDEXED BY ix_tenant_name_order WHERE last_name COLLATE NOCASE >= :tlo "
                       f"AND last_name COLLATE NOCASE < :thi")
    sources.append(f"SELECT {text} INDEXED BY ix_tenant_search_text WHERE search_text >= :flo AND search_text < :fhi")
    if "postcode" in q.prefix:
        sources.append("SELECT tt.rowid AS tid, ' ' || tt.search_text || ' ' AS search_text FROM home AS hh "
                       "JOIN tenant AS tt ON tt.home_id = hh.id WHERE hh.postcode >= :plo AND hh.postcode < :phi")
    found = " UNION ".join(f"SELECT s.tid FROM ({sql}) AS s WHERE instr(s.search_text, :ew) > 0" for sql in sources)
    return [r for (r,) in conn.exec_driver_sql(
        f"SELECT t.rowid FROM ({found}) AS c CROSS JOIN tenant AS t ON t.rowid = c.tid WHERE {q.extra} "
        f"AND {q.rank} < 2 ORDER BY {q.rank}, {_ORDER}", params)]
