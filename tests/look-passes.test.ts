import * as THREE from 'three'
import { GTAOPass } from 'three/examples/jsm/postprocessing/GTAOPass.js'
import { describe, expect, it } from 'vitest'
import {
  aoDivisor,
  displayTarget,
  occludedConsoleFxaa,
  occlusionFactorPass,
  occlusionPass,
  planeOnlyDenoise,
} from '../src/scene/presentationPipeline'
import { SHADOW_RADIUS, shadowBiasM } from '../src/scene/shading'

/**
 * The presentation passes patch three's own shaders (src/scene/presentationPipeline.ts). Each
 * patch falls back to the stock shader when three's source changes; these tests make such an
 * upgrade fail here instead of silently losing the saving (or the occlusion).
 */
describe('presentation passes', () => {
  it('draws the scene as the canvas is drawn: tone mapped and encoded for display', () => {
    const target = displayTarget()
    // three tone maps, encodes and fogs into a target only when it is marked an XR target.
    expect((target as unknown as { isXRRenderTarget?: boolean }).isXRRenderTarget).toBe(true)
    expect(target.texture.colorSpace).toBe(THREE.SRGBColorSpace)
    expect(target.texture.type).toBe(THREE.UnsignedByteType)
    expect(target.depthTexture).not.toBeNull()
    target.dispose()
  })

  it('stores the display colours as they are: no sRGB texture encoding them twice', () => {
    const target = displayTarget()
    expect(target.texture.internalFormat).toBe('RGBA8')
    target.dispose()
  })

  it('multiplies in the occlusion in display terms, alone or inside FXAA', () => {
    // The factor on the displayed colour, worked out once per pixel of the occlusion map.
    const factor = occlusionFactorPass()
    expect(factor.material.fragmentShader).toContain(
      'sqrt( mix( 1.0, texture2D( tAO, vUv ).r, aoIntensity ) )',
    )
    expect(factor.uniforms.aoIntensity?.value).toBe(0.9)
    factor.dispose()
    for (const pass of [occlusionPass(), occludedConsoleFxaa()]) {
      const source = pass.material.fragmentShader
      expect(source).toContain('uniform sampler2D tFactor;')
      expect(source).toContain('gl_FragColor.rgb *= texture2D( tFactor, vUv ).r;')
      pass.dispose()
    }
  })

  it('FXAA (console) keeps flat pixels and lone pixels exactly, read once', () => {
    const source = occludedConsoleFxaa().material.fragmentShader
    // The centre is read texel for texel (the pass is drawn at the target's size).
    expect(source).toContain('texelFetch( tDiffuse, ivec2( gl_FragCoord.xy ), 0 )')
    // Below the contrast threshold, and where the corners give no direction, the centre is kept.
    expect(source.match(/return rgbM;/g)).toHaveLength(2)
    expect(source).toContain('max( EDGE_THRESHOLD_MIN, lumaMaxM * EDGE_THRESHOLD )')
  })

  it('the denoise weighs neighbours by the centre plane, not by their own normals', () => {
    const pass = new GTAOPass(new THREE.Scene(), new THREE.PerspectiveCamera(), 4, 4, {
      depthTexture: new THREE.DepthTexture(4, 4),
    })
    const before = pass.pdMaterial.fragmentShader
    expect(before).toContain('vec3 sampleNormal = getViewNormal(sampleUv);')
    planeOnlyDenoise(pass.pdMaterial)
    expect(pass.pdMaterial.fragmentShader).toContain('vec3 sampleNormal = viewNormal;')
    expect(pass.pdMaterial.fragmentShader).not.toContain('getViewNormal(sampleUv)')
    pass.dispose()
  })

  it('works out occlusion at half resolution, and at no more than 640 × 360 for large frames', () => {
    expect(aoDivisor(1280, 720)).toBe(2)
    expect(aoDivisor(1920, 1080)).toBe(3)
    for (const [w, h] of [
      [2560, 1440],
      [3840, 2160],
      [7680, 4320],
    ] as const) {
      const d = aoDivisor(w, h)
      expect(d).toBeGreaterThanOrEqual(2)
      expect(Math.round(w / d) * Math.round(h / d)).toBeLessThanOrEqual(640 * 360 + 640 + 360)
    }
  })
})

describe('shadow-map depth bias', () => {
  it('covers the filter reach down a slanted surface: texels × (radius + 2) × tan(zenith)', () => {
    // Narvik at 14:00 on 21 June: sun 41.4° up (cos zenith 0.662); 0.44 m texels.
    const tan = Math.sqrt(1 - 0.662 ** 2) / 0.662
    expect(shadowBiasM(0.44, 0.662)).toBeCloseTo(0.44 * (SHADOW_RADIUS + 2) * tan, 9)
  })
  it('grows with the texel and as the sun sinks, and is bounded near the horizon', () => {
    expect(shadowBiasM(0.8, 0.7)).toBeGreaterThan(shadowBiasM(0.4, 0.7))
    expect(shadowBiasM(0.4, 0.4)).toBeGreaterThan(shadowBiasM(0.4, 0.8))
    expect(shadowBiasM(0.4, 0.01)).toBe(shadowBiasM(0.4, 0.2))
    // A high sun keeps half a reach: the map's own steps still need it.
    expect(shadowBiasM(0.4, 1)).toBeCloseTo(0.4 * (SHADOW_RADIUS + 2) * 0.5, 9)
  })
})
