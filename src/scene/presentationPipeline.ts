import * as THREE from 'three'
import { GTAOPass } from 'three/examples/jsm/postprocessing/GTAOPass.js'
import { SMAAPass } from 'three/examples/jsm/postprocessing/SMAAPass.js'
import { ShaderPass } from 'three/examples/jsm/postprocessing/ShaderPass.js'
import { PRESENTATION_SHADOW_MAP, presentationMode } from './presentation'
import { look, prepareShadowMap, setShading } from './shading'

/**
 * The passes of the presentation frame (loaded on first use, presentation.ts): the shadow map;
 * the scene at presentation quality, tone mapped and encoded as on the canvas, into a target
 * with a depth texture (`displayTarget`); ground-truth ambient occlusion (three's GTAOPass,
 * normals reconstructed from depth, at half resolution or less, Poisson denoised); the
 * occlusion multiplied in, then SMAA to the canvas — or, above 2560 × 1440, FXAA (console
 * variant) with the occlusion in one pass. The passes are three's own add-ons (three 0.187, MIT),
 * patched where noted, and two small shaders of our own (the occlusion and the console FXAA);
 * no other library. Each step is one slice of work.
 */

let smaaImages: Promise<void> | null = null

/** Resolves once the SMAA look-up images (embedded, decoded asynchronously) are ready. */
export function ready(): Promise<void> {
  smaaImages ??= (async () => {
    const probe = new SMAAPass() as unknown as {
      _areaTexture: THREE.Texture
      _searchTexture: THREE.Texture
      dispose(): void
    }
    const images = [probe._areaTexture.image, probe._searchTexture.image] as HTMLImageElement[]
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)))
    probe.dispose()
  })()
  return smaaImages
}

export interface StepOptions {
  /** Horizontal bands the scene is drawn in (one slice each). */
  readonly bands: number
  /**
   * The shadow map drawn in a slice before the scene's (the refinement: programs compiled in
   * its preparation slices must find the map). Without, the scene's first slice draws it.
   */
  readonly shadowSlice: boolean
}

/** Ambient occlusion at campus scale: contact shade within a few metres of walls and plant. */
const AO = {
  radius: 7,
  distanceExponent: 1.6,
  thickness: 4,
  distanceFallOff: 1,
  scale: 1.15,
  samples: 12,
}
const DENOISE = {
  lumaPhi: 10,
  depthPhi: 2,
  normalPhi: 3,
  radius: 6,
  radiusExponent: 1,
  samples: 8,
}

/**
 * Ambient occlusion is worked out at half the frame's resolution, and at no more than
 * `AO_MAX_PIXELS` (the refinement of a 1280 × 720 view; a 4K export: a sixth): the shade varies
 * over metres and the denoise blurs it over several of its pixels, while its cost grows with
 * them (on a software rasteriser a 4K export's occlusion took 0.55 s at 960 × 540, 0.27 s at
 * 640 × 360).
 */
const AO_MAX_PIXELS = 640 * 360

/**
 * Above this many pixels (a 4K export) FXAA's console variant with the occlusion in one pass
 * replaces the occlusion pass and SMAA: on a software rasteriser SMAA's three passes took 3.2 s
 * of a 4K frame, three's FXAA (quality) 1.15 s, the console variant 0.45 s; the frame is drawn
 * at twice the pixel density of the screen it is shown on, so the softer filter is not seen.
 */
const LARGE_FRAME_PIXELS = 2560 * 1440

function isLarge(width: number, height: number): boolean {
  return width * height > LARGE_FRAME_PIXELS
}

/** Round the shadow box: towers, stacks and the lines' first spans stand higher than 60 m. */
const AO_BOX_MARGIN = new THREE.Vector3(60, 120, 60)
const EVERYWHERE = new THREE.Box3(
  new THREE.Vector3(-1e9, -1e9, -1e9),
  new THREE.Vector3(1e9, 1e9, 1e9),
)

export function aoDivisor(width: number, height: number): number {
  return Math.max(2, Math.sqrt((width * height) / AO_MAX_PIXELS))
}

/** How much of the ambient occlusion is applied (GTAOPass's blend intensity). */
const AO_INTENSITY = 0.9

const FULL_FRAME_VERTEX = /* glsl */ `
  varying vec2 vUv;
  void main() {
    vUv = uv;
    gl_Position = projectionMatrix * modelViewMatrix * vec4( position, 1.0 );
  }`

/** A pass over the whole frame: three's ShaderPass with `vUv` and the given fragment shader. */
function fullFramePass(
  name: string,
  uniforms: Record<string, THREE.IUniform>,
  fragmentShader: string,
): ShaderPass {
  return new ShaderPass({ name, uniforms, vertexShader: FULL_FRAME_VERTEX, fragmentShader })
}

/**
 * The occlusion's factor on a colour already tone mapped and encoded for display: the square
 * root of GTAOPass's blend (`mix(1, ao, intensity)`), which matches multiplying the linear
 * colour before tone mapping to within the tone curve's bend (display ≈ linear^(1/2.2)). It is
 * worked out once per pixel of the occlusion map, into an 8-bit image the frame's last pass
 * reads (`OCCLUDE`), not once per pixel of the frame from the half-float map.
 */
export function occlusionFactorPass(): ShaderPass {
  return fullFramePass(
    'OcclusionFactorShader',
    {
      tAO: { value: null },
      aoIntensity: { value: AO_INTENSITY },
    },
    /* glsl */ `
      uniform sampler2D tAO;
      uniform float aoIntensity;
      varying vec2 vUv;
      void main() {
        gl_FragColor = vec4( vec3( sqrt( mix( 1.0, texture2D( tAO, vUv ).r, aoIntensity ) ) ), 1.0 );
      }`,
  )
}

/** Multiplies the frame by the occlusion factor (`occlusionFactorPass`), bilinearly scaled up. */
const OCCLUDE = 'gl_FragColor.rgb *= texture2D( tFactor, vUv ).r;'

/** Multiplies the frame by the occlusion (one full-size pass; GTAOPass's own blend is two). */
export function occlusionPass(): ShaderPass {
  return fullFramePass(
    'OcclusionShader',
    {
      tDiffuse: { value: null },
      tFactor: { value: null },
    },
    /* glsl */ `
      uniform sampler2D tDiffuse;
      uniform sampler2D tFactor;
      varying vec2 vUv;
      void main() {
        gl_FragColor = texture2D( tDiffuse, vUv );
        ${OCCLUDE}
      }`,
  )
}

/**
 * A render target the scene is drawn into exactly as into the canvas: tone mapped, encoded for
 * display, and with the fog mixed in after both (three's order), 8 bits a channel, with a depth
 * texture for the occlusion. three applies tone mapping and the output encoding only when
 * drawing to the canvas or to an XR target, so the target is marked as one (three's own WebXR
 * code marks its targets so). Drawn linear into a floating-point target and tone mapped after,
 * the fog came out as a thick pale haze the moving view does not have.
 */
export function displayTarget(): THREE.WebGLRenderTarget {
  const target = new THREE.WebGLRenderTarget(1, 1, {
    colorSpace: THREE.SRGBColorSpace,
    depthTexture: new THREE.DepthTexture(1, 1),
  })
  ;(target as unknown as { isXRRenderTarget: boolean }).isXRRenderTarget = true
  // The materials encode the colours already: stored as they are (RGBA8), not in an sRGB
  // texture that would encode them again on every write and decode them on every read (on a
  // software rasteriser the FXAA pass of a 4K frame took 0.25–0.3 s longer so).
  target.texture.internalFormat = 'RGBA8'
  return target
}

/**
 * The denoise weighs each neighbour by its distance from the centre's plane and by its shade,
 * not also by its own normal: with normals reconstructed from depth that is five depth reads per
 * neighbour (on a software rasteriser most of the occlusion's cost). The plane distance already
 * keeps the blur from crossing an edge between surfaces.
 */
export function planeOnlyDenoise(material: THREE.ShaderMaterial): void {
  const read = 'vec3 sampleNormal = getViewNormal(sampleUv);'
  if (!material.fragmentShader.includes(read)) return
  material.fragmentShader = material.fragmentShader.replace(read, 'vec3 sampleNormal = viewNormal;')
  material.needsUpdate = true
}

/**
 * FXAA 3.11's console variant (T. Lottes, NVIDIA, 2011; the algorithm, written here for three's
 * ShaderPass) with the occlusion applied, for frames above 2560 × 1440. It has no edge search,
 * so every pixel costs about the same few reads: four bilinear reads at the pixel's corners
 * give the local contrast; where it is low the pixel is kept; elsewhere the colour is blurred
 * along the edge (two reads half a pixel either way, two more up to two pixels out, the wider
 * pair dropped where it would cross another edge). Lottes's default thresholds and sharpness.
 */
export function occludedConsoleFxaa(): ShaderPass {
  return fullFramePass(
    'OccludedConsoleFxaaShader',
    {
      tDiffuse: { value: null },
      tFactor: { value: null },
    },
    /* glsl */ `
      uniform sampler2D tDiffuse;
      uniform sampler2D tFactor;
      varying vec2 vUv;
      const float EDGE_THRESHOLD = 0.125;
      const float EDGE_THRESHOLD_MIN = 0.05;
      const float EDGE_SHARPNESS = 8.0;
      float luma( vec3 c ) { return dot( c, vec3( 0.299, 0.587, 0.114 ) ); }
      vec3 fxaa() {
        vec2 texel = 1.0 / vec2( textureSize( tDiffuse, 0 ) );
        vec3 rgbM = texelFetch( tDiffuse, ivec2( gl_FragCoord.xy ), 0 ).rgb;
        float lumaM = luma( rgbM );
        float lumaNw = luma( texture2D( tDiffuse, vUv + vec2( -0.5, -0.5 ) * texel ).rgb );
        float lumaSw = luma( texture2D( tDiffuse, vUv + vec2( -0.5, 0.5 ) * texel ).rgb );
        float lumaNe = luma( texture2D( tDiffuse, vUv + vec2( 0.5, -0.5 ) * texel ).rgb ) + 1.0 / 384.0;
        float lumaSe = luma( texture2D( tDiffuse, vUv + vec2( 0.5, 0.5 ) * texel ).rgb );
        float lumaMax = max( max( lumaNe, lumaSe ), max( lumaNw, lumaSw ) );
        float lumaMin = min( min( lumaNe, lumaSe ), min( lumaNw, lumaSw ) );
        float lumaMaxM = max( lumaMax, lumaM );
        float lumaMinM = min( lumaMin, lumaM );
        if ( lumaMaxM - lumaMinM < max( EDGE_THRESHOLD_MIN, lumaMaxM * EDGE_THRESHOLD ) ) return rgbM;
        float swMinusNe = lumaSw - lumaNe;
        float seMinusNw = lumaSe - lumaNw;
        vec2 dir = vec2( swMinusNe + seMinusNw, swMinusNe - seMinusNw );
        // A lone bright or dark pixel has no edge direction: kept as it is.
        if ( dot( dir, dir ) < 1e-12 ) return rgbM;
        vec2 dir1 = normalize( dir );
        vec3 rgbN1 = texture2D( tDiffuse, vUv - dir1 * 0.5 * texel ).rgb;
        vec3 rgbP1 = texture2D( tDiffuse, vUv + dir1 * 0.5 * texel ).rgb;
        float dirAbsMinTimesC = min( abs( dir1.x ), abs( dir1.y ) ) * EDGE_SHARPNESS;
        vec2 dir2 = clamp( dir1 / dirAbsMinTimesC, -2.0, 2.0 );
        vec3 rgbN2 = texture2D( tDiffuse, vUv - dir2 * 2.0 * texel ).rgb;
        vec3 rgbP2 = texture2D( tDiffuse, vUv + dir2 * 2.0 * texel ).rgb;
        vec3 rgbA = rgbN1 + rgbP1;
        vec3 rgbB = ( rgbN2 + rgbP2 ) * 0.25 + rgbA * 0.25;
        float lumaB = luma( rgbB );
        return ( lumaB < lumaMin || lumaB > lumaMax ) ? rgbA * 0.5 : rgbB;
      }
      void main() {
        gl_FragColor = vec4( fxaa(), 1.0 );
        ${OCCLUDE}
      }`,
  )
}

export class PresentationPipeline {
  readonly gl: THREE.WebGLRenderer
  private width = 0
  private height = 0
  private readonly sceneTarget: THREE.WebGLRenderTarget
  private readonly ldrTarget: THREE.WebGLRenderTarget
  private readonly occlusion = occlusionPass()
  private readonly factor = occlusionFactorPass()
  private readonly factorTarget = new THREE.WebGLRenderTarget(1, 1, { depthBuffer: false })
  private readonly smaa = new SMAAPass()
  private readonly fxaa = occludedConsoleFxaa()
  private gtao: GTAOPass | null = null
  private readonly aoBox = new THREE.Box3()
  private gtaoFor: { scene: THREE.Scene; camera: THREE.Camera } | null = null

  constructor(gl: THREE.WebGLRenderer) {
    this.gl = gl
    this.sceneTarget = displayTarget()
    this.ldrTarget = new THREE.WebGLRenderTarget(1, 1, { depthBuffer: false })
  }

  private ao(scene: THREE.Scene, camera: THREE.Camera): GTAOPass {
    if (!this.gtao || this.gtaoFor?.scene !== scene || this.gtaoFor.camera !== camera) {
      this.gtao?.dispose()
      this.gtao = new GTAOPass(scene, camera, 1, 1, {
        depthTexture: this.sceneTarget.depthTexture ?? undefined,
      })
      this.gtao.updateGtaoMaterial(AO)
      this.gtao.updatePdMaterial(DENOISE)
      planeOnlyDenoise(this.gtao.pdMaterial)
      // The occlusion map only: the occlusion pass or FXAA applies it (one full-size pass, not
      // GTAOPass's copy and blend).
      this.gtao.output = GTAOPass.OUTPUT.Off
      this.gtaoFor = { scene, camera }
      this.width = 0
    }
    return this.gtao
  }

  private setSize(width: number, height: number, gtao: GTAOPass): void {
    if (width === this.width && height === this.height) return
    this.width = width
    this.height = height
    this.sceneTarget.setSize(width, height)
    // FXAA draws large frames straight to the canvas: no intermediate target.
    if (isLarge(width, height)) this.ldrTarget.setSize(1, 1)
    else this.ldrTarget.setSize(width, height)
    const aoScale = aoDivisor(width, height)
    const aoWidth = Math.max(1, Math.round(width / aoScale))
    const aoHeight = Math.max(1, Math.round(height / aoScale))
    gtao.setSize(aoWidth, aoHeight)
    this.factorTarget.setSize(aoWidth, aoHeight)
    this.smaa.setSize(width, height)
  }

  /**
   * The target the scene is drawn into (three keys programs on the target's kind), so shaders
   * are compiled against it.
   */
  get target(): THREE.WebGLRenderTarget {
    return this.sceneTarget
  }

  /**
   * The scene at presentation quality into the scene target (the shadow map first, when it is
   * out of date), within `scissor` (x, y, width, height) or whole.
   */
  private drawScene(
    scene: THREE.Scene,
    camera: THREE.Camera,
    size: { readonly width: number; readonly height: number },
    gtao: GTAOPass,
    scissor: readonly [number, number, number, number] | null,
  ): void {
    const gl = this.gl
    this.setSize(size.width, size.height, gtao)
    setShading(scene, gl, presentationMode(), true)
    prepareShadowMap(gl, PRESENTATION_SHADOW_MAP)
    const target = this.sceneTarget
    if (scissor) target.scissor.set(...scissor)
    target.scissorTest = scissor !== null
    gl.setRenderTarget(target)
    gl.render(scene, camera)
    target.scissorTest = false
  }

  /** The work of one presentation frame, as slices (the last draws to the canvas). */
  steps(
    scene: THREE.Scene,
    camera: THREE.Camera,
    size: { readonly width: number; readonly height: number },
    options: StepOptions,
  ): (() => void)[] {
    const gl = this.gl
    const { width, height } = size
    const gtao = this.ao(scene, camera)
    const steps: (() => void)[] = []
    const bands = Math.max(1, options.bands)
    // The shadow map in a slice of its own (on the first run it also compiles the depth
    // programs): the scene drawn into one pixel of the target renders the map before it.
    if (options.shadowSlice)
      steps.push(() => this.drawScene(scene, camera, size, gtao, [0, 0, 1, 1]))
    for (let b = 0; b < bands; b++) {
      const y0 = Math.floor((b * height) / bands)
      const y1 = Math.floor(((b + 1) * height) / bands)
      const band = bands > 1 ? ([0, y0, width, y1 - y0] as const) : null
      steps.push(() => this.drawScene(scene, camera, size, gtao, band))
    }
    steps.push(() => {
      // Contact shade is worked out only round the campus (the shadow maps' box, and what
      // stands taller on it): the hills and the sea beyond are left as they are.
      gtao.setSceneClipBox(
        look.shadowBox.isEmpty()
          ? EVERYWHERE
          : this.aoBox.copy(look.shadowBox).expandByVector(AO_BOX_MARGIN),
      )
      gtao.render(gl, this.sceneTarget, this.sceneTarget, 0, false)
      const ao = this.factor.uniforms.tAO
      if (ao) ao.value = gtao.gtaoMap
      this.factor.render(gl, this.factorTarget, this.factorTarget, 0, false)
    })
    const canvas = null as unknown as THREE.WebGLRenderTarget
    const factor = this.factorTarget.texture
    if (isLarge(width, height))
      steps.push(() => {
        const uniform = this.fxaa.uniforms.tFactor
        if (uniform) uniform.value = factor
        this.fxaa.renderToScreen = true
        this.fxaa.render(gl, canvas, this.sceneTarget, 0, false)
      })
    else {
      steps.push(() => {
        const uniform = this.occlusion.uniforms.tFactor
        if (uniform) uniform.value = factor
        this.occlusion.render(gl, this.ldrTarget, this.sceneTarget, 0, false)
      })
      steps.push(() => {
        this.smaa.renderToScreen = true
        this.smaa.render(gl, canvas, this.ldrTarget, 0, false)
      })
    }
    return steps
  }

  dispose(): void {
    this.sceneTarget.depthTexture?.dispose()
    this.sceneTarget.dispose()
    this.ldrTarget.dispose()
    this.gtao?.dispose()
    this.smaa.dispose()
    this.fxaa.dispose()
    this.occlusion.dispose()
    this.factor.dispose()
    this.factorTarget.dispose()
  }
}
