// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <cstddef>

namespace Gapwise {

// A fast, fixed hash of bytes for the JUnit builder's own tables (test ids, interned attribute values): eight
// bytes a step, then a full mix of the result. qHash with a fixed seed is SipHash here, three times the cost,
// and it hashed every test's id and two attribute values: a tenth of a 100,000-test import. The tables compare
// keys where hashes agree, so a collision only costs a comparison; the same bytes give the same hash in every
// run.
quint32 byteHash(const void *data, std::size_t size);

} // namespace Gapwise
