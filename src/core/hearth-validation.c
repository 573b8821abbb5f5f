/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hearth-validation.h"

G_DEFINE_QUARK (hearth-validation-error-quark, hearth_validation_error)
