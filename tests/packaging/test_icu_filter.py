"""ICU's data is cut to what Qt uses for Dutch and English text, nothing a learner sees."""

from __future__ import annotations

import icu_filter
import pytest


@pytest.mark.parametrize(("item", "kept"), [
    ("uprops.icu", True),  # character properties
    ("nfkc.nrm", True),  # normalisation
    ("cnvalias.icu", True),
    ("zoneinfo64.res", True),
    ("metaZones.res", True),
    ("supplementalData.res", True),
    ("root.res", True),
    ("nl.res", True),
    ("nl_BE.res", True),
    ("en_GB.res", True),
    ("pool.res", True),
    ("res_index.res", True),
    ("coll/root.res", True),
    ("coll/ucadata.icu", True),
    ("coll/nl.res", True),
    ("brkitr/word.brk", True),
    ("brkitr/nl.res", True),
    ("curr/pool.res", True),
    ("zone/nl.res", True),
    ("de.res", False),
    ("zh_Hant_TW.res", False),
    ("sr_Latn_BA.res", False),
    ("coll/zh.res", False),
    ("coll/de_.res", False),
    ("curr/fr.res", False),
    ("brkitr/cjdict.dict", False),
    ("brkitr/thaidict.dict", False),
    ("gb18030.cnv", False),
    ("ibm-5348_P100-1997.cnv", False),
    ("translit/root.res", False),
])
def test_keep_item(item: str, kept: bool) -> None:
    assert icu_filter.keep_item(item) is kept
