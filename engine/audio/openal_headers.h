// OpenAL Soft's headers with its extensions' prototypes, for this layer's files only.
#pragma once

#define AL_ALEXT_PROTOTYPES
#include <AL/al.h>
#include <AL/alc.h>
#include <AL/alext.h>

